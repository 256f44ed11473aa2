import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fuzzedBodies, nestedBodies } from '../src/features/conversations/formatting/nestedBodies';
import { createGroup, sendThroughApi, unique } from './api';
import { ALICE, BOB, openConversation, peopleSideBySide, send, storedMessage } from './messaging';
import { expectAccessible } from './accessibility';

// Bodies built to break the Markdown formatter (deep quotes and lists, nested emphasis, links in
// links, fences, tables, and seeded random mixes), each as long as the API takes. One of them
// used to replace the whole app with React Router's error page for every member who saw it.

const HOSTILE = [...Object.values(nestedBodies()), ...fuzzedBodies(4)];

/** Errors the page did not catch: a render that threw past every boundary. */
function uncaughtErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const bySeq = (page: Page, seq: number) =>
  page.locator(`[data-testid="message"][data-seq="${seq}"]`);

/**
 * Every hostile message is there with its body (never the placeholder: the formatter's bounds
 * render what they refuse as plain text), the messages around them too, and the app is usable:
 * sending works, and another conversation opens and comes back.
 */
async function expectUsable(page: Page, id: string, seqs: number[], refuge: string) {
  for (const seq of seqs)
    await bySeq(page, seq).getByTestId('message-body').waitFor({ state: 'attached' });
  // A body past the bounds shows as typed: the 4,000 '>' of the deepest quote, every one.
  const deepest = bySeq(page, seqs[0]!).getByTestId('message-body');
  expect(await deepest.textContent()).toBe(nestedBodies().quotes);
  expect(await page.getByTestId('message-unavailable').count()).toBe(0);
  await storedMessage(page, 'Avant les pièges').waitFor({ state: 'attached' });
  await storedMessage(page, 'Après les pièges').waitFor({ state: 'attached' });

  const reply = `Toujours là ${unique()}`;
  await send(page, reply);
  await storedMessage(page, reply).waitFor();

  await page.getByTestId('conversation-item').filter({ hasText: refuge }).click();
  await page.getByTestId('conversation-heading').filter({ hasText: refuge }).waitFor();
  await page.goBack();
  await page.waitForURL(new RegExp(`/messages/${id}$`));
  await storedMessage(page, reply).waitFor();
}

// 39 bodies of 4,000 characters, each sent, rendered on two pages and checked: on a loaded machine
// this takes more than the suite's 60 s. The bound stops a hang; nothing here is timed.
const THIRTY_NINE_BODIES = 180_000;

describe('messages built to break the formatter', () => {
  const { signedIn } = peopleSideBySide();

  it(
    'leave the conversation usable for those who have it open when they arrive, and an admin can delete one',
    async () => {
      const alice = await signedIn(ALICE);
      const bob = await signedIn(BOB);
      const errors = [alice, bob].map(({ page }) => uncaughtErrors(page));
      const refuge = `Refuge ${unique()}`;
      await createGroup(alice.page, refuge, ['Bob Durand']);
      const id = await createGroup(alice.page, `Pièges en direct ${unique()}`, ['Bob Durand']);
      await sendThroughApi(alice.page, id, 'Avant les pièges');
      await openConversation(alice.page, id);
      await openConversation(bob.page, id);

      const seqs: number[] = [];
      for (const body of HOSTILE) seqs.push((await sendThroughApi(alice.page, id, body)).seq);
      await sendThroughApi(alice.page, id, 'Après les pièges');

      for (const { page } of [alice, bob]) await expectUsable(page, id, seqs, refuge);
      await expectAccessible(bob.page, 'a conversation with hostile messages');
      // Typed in the composer, shown while it is sent (the pending bubble formats it too).
      const typed = `Depuis le clavier ${unique()}\n${'> '.repeat(1_900)}`;
      await send(bob.page, typed);
      await storedMessage(alice.page, typed.split('\n')[0]!).waitFor();
      const seq = Number(
        await storedMessage(bob.page, typed.split('\n')[0]!).getAttribute('data-seq'),
      );

      // Alice is an admin: she can delete Bob's message (the API always let her; the app now does).
      const aliceCopy = bySeq(alice.page, seq);
      await aliceCopy.hover();
      await aliceCopy.getByRole('button', { name: 'Actions sur le message' }).click();
      expect(await alice.page.getByRole('menuitem', { name: 'Modifier' }).count()).toBe(0);
      await expectAccessible(alice.page, 'the actions menu of a message');
      await alice.page.getByRole('menuitem', { name: 'Supprimer' }).click();
      await aliceCopy.getByRole('group').getByRole('button', { name: 'Supprimer' }).click();
      await aliceCopy.getByText('Message supprimé').waitFor();
      await bySeq(bob.page, seq).getByText('Message supprimé').waitFor();
      expect(errors.flat()).toEqual([]);
    },
    THIRTY_NINE_BODIES,
  );

  it('leave the conversation usable for those who open it afterwards', async () => {
    const alice = await signedIn(ALICE);
    const refuge = `Refuge ${unique()}`;
    await createGroup(alice.page, refuge, ['Bob Durand']);
    const id = await createGroup(alice.page, `Pièges en différé ${unique()}`, ['Bob Durand']);
    await sendThroughApi(alice.page, id, 'Avant les pièges');
    const seqs: number[] = [];
    for (const body of HOSTILE) seqs.push((await sendThroughApi(alice.page, id, body)).seq);
    await sendThroughApi(alice.page, id, 'Après les pièges');

    const bob = await signedIn(BOB);
    const errors = uncaughtErrors(bob.page);
    await openConversation(bob.page, id);
    await expectUsable(bob.page, id, seqs, refuge);
    expect(errors).toEqual([]);
  });
});
