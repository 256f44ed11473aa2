import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { callApi, createGroup, sendThroughApi, unique } from './api';
import { ALICE, BOB, peopleSideBySide } from './messaging';
import { bellCount, notificationsOf, onScreen, titleCount } from './notifications';
import { expectAccessible } from './accessibility';

// Notifications in the browser, with the real worker. Each test has its own Alice and Bob, so
// Bob starts with nothing unread and never connected.

describe('notifications', () => {
  const { signedIn, accountOf } = peopleSideBySide();

  it('shows Bob, offline while Alice wrote, the count and the notification that opens the conversation', async () => {
    const alice = await signedIn(ALICE);
    // Only members who are not connected are notified: this test's Bob has never been.
    const { items: people } = await callApi<{ items: { displayName: string; online: boolean }[] }>(
      alice.page,
      'GET',
      '/api/users?limit=100',
    );
    expect(people.find((user) => user.displayName === 'Bob Durand')?.online).toBe(false);
    const title = `Astreinte ${unique()}`;
    const groupId = await createGroup(alice.page, title, ['Bob Durand']);
    const last = `Dernier point ${unique()}`;
    for (const body of ['Premier point', 'Deuxième point', last])
      await sendThroughApi(alice.page, groupId, body);
    // The worker coalesces the three into one notification for Bob, who is not connected.
    await expect
      .poll(
        async () =>
          (await notificationsOf(alice.page, accountOf(BOB))).items.find(
            (item) => item.data.conversationId === groupId,
          )?.title,
        { timeout: 15_000 },
      )
      .toBe('3 nouveaux messages de Alice Martin');

    const bob = await signedIn(BOB);
    const { unreadCount } = await notificationsOf(alice.page, accountOf(BOB));
    expect(unreadCount).toBe(1);
    await bob.page.getByTestId('notification-count').waitFor();
    expect(await bellCount(bob.page)).toBe(unreadCount);
    await bob.page.getByTestId('notification-bell').click();
    const messages = bob.page.getByRole('region', { name: 'Messages' });
    const notification = messages.getByTestId('notification').filter({ hasText: last });
    expect(await notification.textContent()).toContain('3 nouveaux messages de Alice Martin');
    expect(await notification.getAttribute('data-unread')).toBe('true');
    await screenshot(bob.page, 'notification-bell');
    await expectAccessible(bob.page, 'the open bell');

    await notification.getByRole('link').click();
    await bob.page.waitForURL(`**/messages/${groupId}`);
    await bob.page.getByTestId('conversation-heading').filter({ hasText: title }).waitFor();
    // Opened, it is read: the badge drops by one.
    await expect.poll(() => bellCount(bob.page)).toBe(unreadCount - 1);
  }, 120_000);

  it('brings an announcement sent from the admin page to another user live, in a toast and the bell', async () => {
    const bob = await signedIn(BOB);
    await bob.page.getByTestId('notification-bell').waitFor();
    expect(await bellCount(bob.page)).toBe(0);

    const alice = await signedIn(ALICE);
    await alice.page.goto('/admin/announcements');
    const subject = `Exercice ${unique()}`;
    await alice.page.getByLabel('Titre').fill(subject);
    await alice.page.getByLabel('Message').fill('Rendez-vous au centre de secours à 14 h.');
    await alice.page.getByRole('button', { name: 'Envoyer l’annonce' }).click();
    await alice.page.getByRole('status').filter({ hasText: 'Annonce envoyée.' }).waitFor();
    await expectAccessible(alice.page, 'the announcement page');

    const toast = bob.page.getByTestId('notification-toast').filter({ hasText: subject });
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Rendez-vous au centre de secours à 14 h.');
    await expect.poll(() => onScreen(bob.page, toast)).toBe(true);
    await expect.poll(() => bellCount(bob.page)).toBe(1);
    await screenshot(bob.page, 'notification-toast');
    await bob.page.getByTestId('notification-bell').click();
    await bob.page
      .getByRole('region', { name: 'Système' })
      .getByTestId('notification')
      .filter({ hasText: subject })
      .waitFor();
  });

  it('opens what a live notification is about from its toast', async () => {
    const bob = await signedIn(BOB);
    const alice = await signedIn(ALICE);
    const subject = `Consigne ${unique()}`;
    const body = `Consigne complète ${unique()}`;
    await callApi(alice.page, 'POST', '/api/admin/announcements', { title: subject, body });

    const toast = bob.page.getByTestId('notification-toast').filter({ hasText: subject });
    await toast.getByRole('button', { name: 'Ouvrir' }).click();
    // An announcement leads nowhere else: the notifications page shows it whole, read.
    await bob.page.waitForURL(/\/notifications\?id=/);
    const opened = bob.page.locator('[data-testid="notification"][data-focused="true"]');
    expect(await opened.textContent()).toContain(body);
    await expect.poll(() => opened.getAttribute('data-unread')).toBe('false');
    await expectAccessible(bob.page, 'the notifications page');
    await toast.waitFor({ state: 'detached' });
  });

  it('carries the unread count in the tab title', async () => {
    const bob = await signedIn(BOB);
    // Nothing unread yet: the bare name.
    await bob.page.getByTestId('notification-bell').waitFor();
    expect(await bob.page.title()).toBe('MindSP Messaging');

    const alice = await signedIn(ALICE);
    await callApi(alice.page, 'POST', '/api/admin/announcements', {
      title: `Note ${unique()}`,
      body: 'Le planning de la semaine est en ligne.',
    });
    await expect.poll(() => bob.page.title()).toBe('(1) MindSP Messaging');

    await bob.page.getByTestId('notification-bell').click();
    await bob.page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await expect.poll(() => titleCount(bob.page)).toBe(0);
  });
});
