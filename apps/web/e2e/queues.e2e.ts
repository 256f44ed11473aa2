import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { callApi, unique } from './api';
import { ALICE, BOB, peopleSideBySide } from './messaging';
import { expectAccessible } from './accessibility';

// The queue dashboard. Each test sends its own probe job (a diagnostic job the API offers),
// labelled with a unique text it then searches for.

describe('the queue dashboard', () => {
  const { signedIn } = peopleSideBySide();

  it("shows an admin the queues, a failed job's error, and retries it", async () => {
    const alice = await signedIn(ALICE);
    const label = `probe-${unique()}`;
    // One attempt, failing its first: a dead letter at once. Run again, it succeeds.
    const probe = await callApi<{ id: string }>(alice.page, 'POST', '/api/admin/queues/probe', {
      label,
      attempts: 1,
      failTimes: 1,
    });

    await alice.page.goto('/admin/queues');
    await alice.page.getByRole('heading', { name: 'Files de tâches' }).waitFor();
    for (const queue of ['notifications', 'emails', 'reminders', 'maintenance'])
      await alice.page.locator(`[data-testid="queue-card"][data-queue="${queue}"]`).waitFor();
    // Alice is no platform operator: pausing a shared queue is not hers to do.
    expect(await alice.page.getByRole('button', { name: 'Mettre en pause' }).count()).toBe(0);

    await alice.page.getByRole('button', { name: 'maintenance', exact: true }).click();
    await alice.page.getByLabel('Rechercher une tâche').fill(label);
    const job = alice.page.locator(`[data-testid="job"][data-job-id="${probe.id}"]`);
    // The page refreshes by itself: the worker fails the probe while it is open.
    await job.and(alice.page.locator('[data-state="failed"]')).waitFor();
    expect(await job.getByTestId('job-error').textContent()).toBe('probe failure 1 of 1');
    expect(await job.textContent()).toContain('Tentatives : 1 / 1');
    const failedCount = alice.page
      .locator('[data-testid="queue-card"][data-queue="maintenance"]')
      .getByTestId('count-failed');
    // Alice's organisation is this test's own: its one failed job.
    await expect.poll(() => failedCount.textContent()).toBe('1');
    await screenshot(alice.page, 'queues-failed-job');
    await expectAccessible(alice.page, 'the queue dashboard');

    await job.getByRole('button', { name: 'Relancer' }).click();
    // Retried, it leaves the failed jobs; among all states, it completed.
    await job.waitFor({ state: 'detached' });
    await alice.page.getByLabel('État').selectOption({ label: 'Tous les états' });
    await job.and(alice.page.locator('[data-state="completed"]')).waitFor();
  });

  it('tells a member the page is for admins, without sending them elsewhere', async () => {
    const bob = await signedIn(BOB);
    await bob.page.goto('/admin/queues');
    await bob.page.getByTestId('not-allowed').waitFor();
    expect(await bob.page.getByRole('alert').textContent()).toBe(
      'Cette page est réservée aux administrateurs de votre organisation.',
    );
    expect(new URL(bob.page.url()).pathname).toBe('/admin/queues');
    await expectAccessible(bob.page, 'the admin-only notice');
    // And the menu offers a member no admin page.
    await bob.page.getByRole('button', { name: 'Menu' }).click();
    await bob.page.getByRole('menuitem', { name: 'Préférences de notification' }).waitFor();
    expect(await bob.page.getByRole('menuitem', { name: 'Files de tâches' }).count()).toBe(0);
  });
});
