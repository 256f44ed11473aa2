import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { callApi, createGroup, sendThroughApi, unique } from './api';
import { ALICE, BOB, openConversation, peopleSideBySide, storedMessage } from './messaging';
import { expectAccessible } from './accessibility';

// Two people side by side in a group of their own: what one does to a message (a reaction, a
// pin) or to the group (a rename, someone added) the other sees live.

const THUMBS_UP = '\u{1F44D}';
const FIRE_ENGINE = '🚒';

describe('reactions, pins and timeline notes', () => {
  const { signedIn } = peopleSideBySide();

  it('shows a reaction to the other member live, with its count and who reacted', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await createGroup(alice.page, `Réactions ${unique()}`, ['Bob Durand']);
    const text = `Exercice incendie samedi ${unique()}`;
    await sendThroughApi(alice.page, id, text);
    await openConversation(alice.page, id);
    await openConversation(bob.page, id);

    // Alice reacts with a quick pick.
    const mine = storedMessage(alice.page, text);
    await mine.hover();
    await mine.getByTestId('reaction-picker-open').click();
    await alice.page
      .getByTestId('quick-reaction')
      .and(alice.page.locator(`[data-emoji="${THUMBS_UP}"]`))
      .click();

    const bobsThumbs = storedMessage(bob.page, text).locator(
      `[data-testid="reaction"][data-emoji="${THUMBS_UP}"]`,
    );
    await expect.poll(() => bobsThumbs.getByTestId('reaction-count').textContent()).toBe('1');
    expect(await bobsThumbs.getAttribute('aria-label')).toBe(`${THUMBS_UP} 1 : Alice Martin`);
    expect(await bobsThumbs.getAttribute('aria-pressed')).toBe('false');

    // Bob adds his to it with a tap on the chip, and finds another emoji by its French name.
    await bobsThumbs.click();
    await expect.poll(() => bobsThumbs.getAttribute('aria-pressed')).toBe('true');
    const bobsMessage = storedMessage(bob.page, text);
    await bobsMessage.hover();
    await bobsMessage.getByTestId('reaction-picker-open').click();
    await bob.page.getByLabel('Chercher un emoji').fill('camion pompier');
    await bob.page.locator(`[data-testid="emoji-result"][data-emoji="${FIRE_ENGINE}"]`).click();

    const alicesThumbs = mine.locator(`[data-testid="reaction"][data-emoji="${THUMBS_UP}"]`);
    await expect.poll(() => alicesThumbs.getByTestId('reaction-count').textContent()).toBe('2');
    expect(await alicesThumbs.getAttribute('aria-label')).toBe(`${THUMBS_UP} 2 : vous, Bob Durand`);
    await mine.locator(`[data-testid="reaction"][data-emoji="${FIRE_ENGINE}"]`).waitFor();
    await screenshot(alice.page, 'messaging-reactions-desktop');
    await expectAccessible(alice.page, 'a conversation with reactions');

    // Alice takes hers back: Bob's count goes down.
    await alicesThumbs.click();
    await expect.poll(() => bobsThumbs.getByTestId('reaction-count').textContent()).toBe('1');
  });

  it('pins a message: the other member sees the marker and the message in the pinned list', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await createGroup(alice.page, `Épingles ${unique()}`, ['Bob Durand']);
    const text = `Numéro du CODIS : 18 ${unique()}`;
    await sendThroughApi(alice.page, id, text);
    await sendThroughApi(alice.page, id, `Autre message ${unique()}`);
    await openConversation(alice.page, id);
    await openConversation(bob.page, id);

    // Bob has the pinned list open, empty, while Alice pins.
    await bob.page.getByRole('button', { name: 'Messages épinglés : 0' }).click();
    const panel = bob.page.getByTestId('pinned-messages');
    await panel.getByText('Aucun message épinglé.').waitFor();

    const mine = storedMessage(alice.page, text);
    await mine.hover();
    await mine.getByRole('button', { name: 'Épingler' }).click();
    await mine.getByTestId('pinned-marker').waitFor();

    await panel.getByTestId('pinned-message').filter({ hasText: text }).waitFor();
    expect(await panel.getByTestId('pinned-message').count()).toBe(1);
    await bob.page.getByRole('button', { name: 'Messages épinglés : 1' }).waitFor();
    expect(
      await storedMessage(bob.page, text).getByTestId('pinned-marker').getAttribute('title'),
    ).toBe('Épinglé par Alice Martin');
    await screenshot(bob.page, 'messaging-pinned-list-desktop');
    await expectAccessible(bob.page, 'the pinned list');

    // Bob unpins it from his side: gone from Alice's pinned count.
    const bobsCopy = storedMessage(bob.page, text);
    await bobsCopy.hover();
    await bobsCopy.getByRole('button', { name: 'Désépingler' }).click();
    await panel.getByText('Aucun message épinglé.').waitFor();
    await alice.page.getByRole('button', { name: 'Messages épinglés : 0' }).waitFor();
    expect(await mine.getByTestId('pinned-marker').count()).toBe(0);
  });

  it('shows a rename and someone added as notes in the other member’s timeline', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const title = `Astreinte ${unique()}`;
    const id = await createGroup(alice.page, title, ['Bob Durand']);
    await sendThroughApi(alice.page, id, `Bienvenue ${title}`);
    await openConversation(bob.page, id);

    await callApi(alice.page, 'PATCH', `/api/conversations/${id}`, { title: `${title} nuit` });
    const carol = await callApi<{ items: { id: string; displayName: string }[] }>(
      alice.page,
      'GET',
      '/api/users?q=Carol',
    );
    await callApi(alice.page, 'POST', `/api/conversations/${id}/members`, {
      userIds: [carol.items.find((u) => u.displayName === 'Carol Petit')!.id],
    });

    const notes = bob.page.getByTestId('timeline-note');
    await notes.filter({ hasText: 'Alice Martin a ajouté Carol Petit' }).waitFor();
    expect(await notes.allTextContents()).toEqual([
      `Alice Martin a renommé le groupe « ${title} nuit »`,
      'Alice Martin a ajouté Carol Petit',
    ]);
    await bob.page
      .getByTestId('conversation-heading')
      .filter({ hasText: `${title} nuit` })
      .waitFor();
    // The list's preview says it too.
    await bob.page
      .getByTestId('conversation-item')
      .filter({ hasText: 'Alice Martin a ajouté Carol Petit' })
      .waitFor();
    await screenshot(bob.page, 'messaging-timeline-notes-desktop');
    await expectAccessible(bob.page, 'the timeline notes');
  });
});
