import { describe, expect, it } from 'vitest';
import { createGroup, sendThroughApi, unique } from './api';
import {
  ALICE,
  BOB,
  inView,
  openConversation,
  peopleSideBySide,
  send,
  storedMessage,
} from './messaging';
import { expectAccessible } from './accessibility';

// Each test makes its own group with a unique title, so any one can run alone or in any order.

describe('reading a conversation', () => {
  const { signedIn } = peopleSideBySide();

  it('shows "Nouveaux messages" at the first unread message and opens there', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await createGroup(alice.page, `Lecture ${unique()}`, ['Bob Durand']);
    // Bob's own messages are read by him (sending marks read); Alice's after them are not.
    for (let n = 1; n <= 25; n++) await sendThroughApi(bob.page, id, `Déjà lu n° ${n}`);
    await sendThroughApi(alice.page, id, 'Premier non lu');
    await sendThroughApi(alice.page, id, 'Deuxième non lu');

    await openConversation(bob.page, id);
    const divider = bob.page.getByTestId('unread-divider');
    await divider.waitFor();
    expect(await divider.textContent()).toBe('Nouveaux messages');
    expect(await bob.page.getByTestId('unread-divider').count()).toBe(1);
    // Right above the first unread message, and in view when the conversation opens.
    const next = await divider.evaluate((el) => el.nextElementSibling?.textContent ?? '');
    expect(next).toContain('Premier non lu');
    expect(await inView(bob.page, divider)).toBe(true);
    expect(await inView(bob.page, storedMessage(bob.page, 'Premier non lu'))).toBe(true);
    const oldest = bob.page.locator('[data-testid="message"][data-seq="1"]');
    expect(await inView(bob.page, oldest)).toBe(false);

    // The box is ready to answer.
    expect(await bob.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'composer',
    );

    // Scrolled up, what arrives below is counted (the two unread were in view: already seen).
    await bob.page.getByTestId('message-list').evaluate((list) => (list.scrollTop = 0));
    await bob.page.getByTestId('jump-to-latest').waitFor();
    await sendThroughApi(alice.page, id, 'Arrivé pendant la lecture');
    await storedMessage(bob.page, 'Arrivé pendant la lecture').waitFor({ state: 'attached' });
    await expect
      .poll(() => bob.page.getByTestId('jump-to-latest-count').textContent())
      .toBe('1 nouveau message');
    await expectAccessible(bob.page, 'a conversation read further up, with new messages below');
    await bob.page.getByTestId('jump-to-latest').click();
    await expect
      .poll(() => inView(bob.page, storedMessage(bob.page, 'Arrivé pendant la lecture')))
      .toBe(true);
    await bob.page.getByTestId('jump-to-latest').waitFor({ state: 'detached' });
  });

  it('shows a draft typed in one browser in another browser of the same person', async () => {
    const alice = await signedIn(ALICE);
    const id = await createGroup(alice.page, `Brouillon ${unique()}`, ['Bob Durand']);
    await openConversation(alice.page, id);
    const draft = `Rendez-vous au CIS à 7h ${unique()}`;
    const saved = alice.page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/conversations/${id}/draft`) &&
        response.request().method() === 'PUT',
    );
    await alice.page.getByTestId('composer').fill(draft);
    const response = await saved;
    expect({ status: response.status(), body: (await response.json()).body }).toEqual({
      status: 200,
      body: draft,
    });

    const elsewhere = await signedIn(ALICE);
    await openConversation(elsewhere.page, id);
    await expect.poll(() => elsewhere.page.getByTestId('composer').inputValue()).toBe(draft);

    // Sent from there, it is gone everywhere: the first browser finds an empty box on reopening.
    await elsewhere.page.getByTestId('composer').press('Enter');
    await storedMessage(elsewhere.page, draft).waitFor();
    await openConversation(alice.page, id);
    await storedMessage(alice.page, draft).waitFor();
    expect(await alice.page.getByTestId('composer').inputValue()).toBe('');
    await send(alice.page, 'Bien reçu');
  });
});
