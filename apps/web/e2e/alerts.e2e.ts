import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { createGroup, unique } from './api';
import { ALICE, BOB, CAROL, peopleSideBySide } from './messaging';
import { expectAccessible } from './accessibility';

// Urgent alerts: the recipients answer from the toast or the bell, the sender's page follows live.
describe('urgent alerts', () => {
  const { signedIn } = peopleSideBySide();

  it('asks the recipients to answer, and shows the sender who answered, live', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const carol = await signedIn(CAROL);
    const group = `Garde ${unique()}`;
    const groupId = await createGroup(alice.page, group, ['Bob Durand', 'Carol Petit']);

    // Sent from the conversation's header, as an admin does.
    await alice.page.goto(`/messages/${groupId}`);
    await alice.page.getByRole('button', { name: 'Envoyer une alerte urgente' }).click();
    await alice.page.waitForURL(/\/alerts\/new\?conversationId=/);
    const title = `Feu de forêt ${unique()}`;
    await alice.page.getByLabel('Titre').fill(title);
    await alice.page.getByLabel('Message').fill('Renfort demandé au CIS Nord.');
    await expectAccessible(alice.page, 'the new alert page');
    await alice.page.getByRole('button', { name: 'Envoyer l’alerte' }).click();
    await alice.page.waitForURL(/\/alerts\/[0-9a-f-]{36}$/);
    const count = alice.page.getByTestId('alert-ack-count');
    expect(await count.textContent()).toBe('Réponses : 0 sur 2');

    // Each recipient gets it live, with the answer buttons, and it stays until answered.
    for (const [person, answer] of [
      [bob, 'Je suis disponible'],
      [carol, 'Reçu'],
    ] as const) {
      const toast = person.page.getByTestId('notification-toast').filter({ hasText: title });
      await toast.getByRole('button', { name: answer }).click();
      await toast.waitFor({ state: 'detached' });
    }
    await expect.poll(() => count.textContent()).toBe('Réponses : 2 sur 2');
    const bobRow = alice.page.getByTestId('alert-recipient').filter({ hasText: 'Bob Durand' });
    expect(await bobRow.getAttribute('data-response')).toBe('available');
    expect(await bobRow.textContent()).toContain('Je suis disponible');
    await screenshot(alice.page, 'alert-acknowledgements');
    await expectAccessible(alice.page, 'the alert page');
  });

  it('shows the answer buttons in the bell too', async () => {
    const alice = await signedIn(ALICE);
    const groupId = await createGroup(alice.page, `Garde ${unique()}`, ['Bob Durand']);
    const title = `Inondation ${unique()}`;
    const bob = await signedIn(BOB);
    await alice.page.goto(`/alerts/new?conversationId=${groupId}`);
    await alice.page.getByLabel('Titre').fill(title);
    await alice.page.getByLabel('Message').fill('Pompes demandées.');
    await alice.page.getByRole('button', { name: 'Envoyer l’alerte' }).click();
    await alice.page.waitForURL(/\/alerts\/[0-9a-f-]{36}$/);

    await bob.page.getByTestId('notification-toast').filter({ hasText: title }).waitFor();
    await bob.page.getByTestId('notification-bell').click();
    const item = bob.page.getByTestId('notification').filter({ hasText: title });
    await item.waitFor();
    await expectAccessible(bob.page, 'the bell with an alert');
    await item.getByRole('button', { name: 'Indisponible' }).click();
    await expect
      .poll(() => item.getByRole('button', { name: 'Indisponible' }).getAttribute('aria-pressed'))
      .toBe('true');
    await alice.page
      .getByTestId('alert-recipient')
      .and(alice.page.locator('[data-response="unavailable"]'))
      .waitFor();
  });
});
