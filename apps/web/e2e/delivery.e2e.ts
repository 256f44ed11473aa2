import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, createGroup, directWith, sendThroughApi, unique } from './api';
import {
  ALICE,
  BOB,
  CAROL,
  inView,
  openConversation,
  peopleSideBySide,
  send,
  storedMessage,
} from './messaging';
import { expectAccessible } from './accessibility';

/**
 * Records what reaches `page` about the conversation; `received(messageId)` then says how each
 * copy of that message came: in an answer to a request on the live connection (Socket.IO's
 * `43…` packets: the sync's), as a live `message:new` event (`42["message:new",…`), or in a read
 * of the conversation's history over HTTP. Socket.IO packets travel in WebSocket frames or,
 * before the transport upgrades, in HTTP long-polling bodies (packets separated by \x1e): both
 * are read, as the product promises the catch-up, not the transport.
 */
function watchArrivals(page: Page, conversationId: string) {
  const packets: string[] = [];
  const historyReads: string[] = [];
  const reading: Promise<void>[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => void packets.push(String(payload))),
  );
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    const polling = pathname.startsWith('/socket.io/') && response.request().method() === 'GET';
    const history = pathname === `/api/conversations/${conversationId}/messages`;
    if (!polling && !history) return;
    reading.push(
      response.text().then(
        (body) => void (polling ? packets.push(...body.split('\x1e')) : historyReads.push(body)),
        () => undefined, // A polling request cut by going offline has no body.
      ),
    );
  });
  return async (messageId: string): Promise<string[]> => {
    await Promise.all(reading);
    const carriers: string[] = [];
    for (const packet of packets.filter((packet) => packet.includes(messageId))) {
      if (packet.startsWith('43')) carriers.push('a sync answer');
      else if (packet.startsWith('42["message:new"')) carriers.push('a live message:new');
      // Other events (a notification, the list's preview) do not put it in the history.
    }
    for (const body of historyReads) if (body.includes(messageId)) carriers.push('a history read');
    return carriers;
  };
}

// Each test makes its own group (with a unique title) or sends its own unique text through
// the API, so any one of them can run alone or in any order.

describe('delivering messages', () => {
  const { signedIn } = peopleSideBySide();

  it('loads older messages when scrolling up, keeping the reading position', async () => {
    const alice = await signedIn(ALICE);
    const id = await createGroup(alice.page, `Historique ${unique()}`, [
      'Bob Durand',
      'Carol Petit',
    ]);
    const senders = [alice.page, (await signedIn(BOB)).page, (await signedIn(CAROL)).page];
    // 54 messages: more than a page.
    for (let n = 1; n <= 54; n++)
      await sendThroughApi(senders[n % 3], id, `Historique n° ${String(n).padStart(2, '0')}`);

    await alice.page.goto(`/messages/${id}`);
    await storedMessage(alice.page, 'Historique n° 54').waitFor();
    expect(await storedMessage(alice.page, 'Historique n° 01').count()).toBe(0);
    const oldestShown = Number(
      await alice.page
        .locator('[data-testid="message"][data-seq]')
        .first()
        .getAttribute('data-seq'),
    );

    await alice.page.getByTestId('message-list').evaluate((list) => (list.scrollTop = 0));
    await storedMessage(alice.page, 'Historique n° 01').waitFor();
    // The message that was at the top is still where the user was looking, not pushed away.
    const previousTop = alice.page.locator(`[data-testid="message"][data-seq="${oldestShown}"]`);
    await expect.poll(() => inView(alice.page, previousTop)).toBe(true);
    await alice.page.getByText('Début de la conversation').waitFor({ state: 'attached' });
    expect(await alice.page.getByTestId('day-separator').first().textContent()).toBe('Aujourd’hui');
  });

  it('delivers a direct message to the list and the conversation of the recipient', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const text = `Départ en intervention ${unique()}`;

    await openConversation(alice.page, await directWith(alice.page, 'Bob Durand'));
    await send(alice.page, text);

    // Bob stays on /messages, without reloading: the conversation moves up with a badge. (Found by
    // its preview: a group's note "Alice Martin a ajouté…" names Alice too.)
    const item = bob.page.getByTestId('conversation-item').filter({ hasText: text });
    await item.getByTestId('conversation-preview').filter({ hasText: text }).waitFor();
    await item.filter({ hasText: 'Alice Martin' }).waitFor();
    await item.getByTestId('unread-badge').waitFor();
    expect(Number(await item.getByTestId('unread-badge').textContent())).toBeGreaterThanOrEqual(1);

    await item.click();
    await storedMessage(bob.page, text).waitFor();
    // Opening it read it: the badge goes.
    await item.getByTestId('unread-badge').waitFor({ state: 'detached' });
  });

  it('shows Alice that Bob is typing', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await directWith(alice.page, 'Bob Durand');
    await openConversation(alice.page, id);
    await openConversation(bob.page, id);

    const composer = bob.page.getByTestId('composer');
    await composer.pressSequentially('Bien reçu, on', { delay: 30 });
    const typing = alice.page.getByTestId('typing');
    await typing.waitFor();
    expect(await typing.textContent()).toMatch(/Bob Durand est en train d.écrire…/);

    // Bob stops (clears the composer): the indicator goes without waiting for the timeout.
    await composer.fill('');
    await typing.waitFor({ state: 'detached', timeout: 6_000 });
  });

  it("turns Alice's message ✓✓ when Bob opens the conversation", async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const text = `Point de situation ${unique()}`;
    await openConversation(alice.page, await directWith(alice.page, 'Bob Durand'));
    await send(alice.page, text);

    const receipt = storedMessage(alice.page, text).getByTestId('receipt');
    expect(await receipt.getAttribute('data-status')).toBe('sent');
    expect(await receipt.textContent()).toContain('✓');
    expect(await receipt.textContent()).not.toContain('✓✓');

    await bob.page.getByTestId('conversation-item').filter({ hasText: text }).click();
    await storedMessage(bob.page, text).waitFor();

    await expect.poll(() => receipt.getAttribute('data-status')).toBe('read');
    expect(await receipt.textContent()).toContain('✓✓');
    expect(await receipt.getAttribute('title')).toBe('Lu');
  });

  it('says "read by 1 of 2" in a group of three once Bob has read', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const title = `Garde de nuit ${unique()}`;
    const text = `Relève à 7 h ${unique()}`;

    await openConversation(
      alice.page,
      await createGroup(alice.page, title, ['Bob Durand', 'Carol Petit']),
    );
    await send(alice.page, text);
    const receipt = storedMessage(alice.page, text).getByTestId('receipt');
    expect(await receipt.textContent()).toContain('Lu par 0 sur 2');

    await bob.page.getByTestId('conversation-item').filter({ hasText: title }).click();
    await storedMessage(bob.page, text).waitFor();

    await expect.poll(() => receipt.textContent(), { timeout: 10_000 }).toContain('Lu par 1 sur 2');
    expect(await receipt.getAttribute('data-status')).toBe('sent');
  });

  it('catches up with what was sent while Bob was offline, and says he is offline meanwhile', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await createGroup(alice.page, `Coupure ${unique()}`, ['Bob Durand']);
    await openConversation(bob.page, id);
    await bob.page.getByTestId('message-list').waitFor();
    const text = `Message pendant la coupure ${unique()}`;

    const sent: string[] = [];
    bob.page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => void sent.push(String(payload))),
    );
    bob.page.on('request', (request) => void sent.push(request.postData() ?? ''));
    const received = watchArrivals(bob.page, id);

    await bob.context.setOffline(true);
    await bob.page.getByTestId('connection-banner').waitFor();
    await expectAccessible(bob.page, 'a conversation while offline');

    const missed = await sendThroughApi(alice.page, id, text);

    await bob.context.setOffline(false);
    await bob.page.getByTestId('connection-banner').waitFor({ state: 'detached', timeout: 20_000 });
    await storedMessage(bob.page, text).waitFor({ timeout: 20_000 });
    // A message sent now reaches Bob live, after anything his reconnection had on its way.
    const after = `Après la coupure ${unique()}`;
    const marker = await sendThroughApi(alice.page, id, after);
    await storedMessage(bob.page, after).waitFor();

    // Shown once, and it reached Bob once, through the catch-up: the answer to the sync his
    // reconnection asked for this conversation, or the history it reads again when the sync
    // cannot fill the gap (never a live event: he was offline when it was sent).
    expect(await storedMessage(bob.page, text).count()).toBe(1);
    expect(sent.some((payload) => payload.includes('"sync"') && payload.includes(id))).toBe(true);
    const carriers = await received(missed.id);
    expect(carriers).toHaveLength(1);
    expect(['a sync answer', 'a history read']).toContain(carriers[0]);
    expect(await received(marker.id)).toEqual(['a live message:new']);
  });

  it('removes a message deleted, and shows one edited, while Bob was offline, without a reload', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await createGroup(alice.page, `Retrait ${unique()}`, ['Bob Durand']);
    const doomed = `Message à retirer ${unique()}`;
    const typo = `Rendez-vous à 7 h ${unique()}`;
    const removed = await sendThroughApi(alice.page, id, doomed);
    const corrected = await sendThroughApi(alice.page, id, typo);
    await openConversation(bob.page, id);
    await storedMessage(bob.page, doomed).waitFor();
    await storedMessage(bob.page, typo).waitFor();
    let reloaded = false;
    bob.page.on('load', () => (reloaded = true));

    await bob.context.setOffline(true);
    await bob.page.getByTestId('connection-banner').waitFor();
    const path = `/api/conversations/${id}/messages`;
    await callApi(alice.page, 'DELETE', `${path}/${removed.id}`);
    const fixed = `Rendez-vous à 6 h 30 ${unique()}`;
    await callApi(alice.page, 'PATCH', `${path}/${corrected.id}`, {
      body: fixed,
    });

    await bob.context.setOffline(false);
    await bob.page.getByTestId('connection-banner').waitFor({ state: 'detached', timeout: 20_000 });
    await storedMessage(bob.page, fixed).waitFor({ timeout: 20_000 });
    await bob.page
      .getByTestId('message')
      .filter({ hasText: doomed })
      .waitFor({ state: 'detached' });
    expect(
      await bob.page.getByTestId('message').filter({ hasText: 'Message supprimé' }).count(),
    ).toBe(1);
    expect(await bob.page.getByTestId('message').filter({ hasText: typo }).count()).toBe(0);
    expect(reloaded).toBe(false);
  });

  it('sends a message written offline once back online, exactly once', async () => {
    const alice = await signedIn(ALICE);
    const id = await createGroup(alice.page, `Hors ligne ${unique()}`, ['Bob Durand']);
    await openConversation(alice.page, id);
    const text = `Écrit hors ligne ${unique()}`;

    await alice.context.setOffline(true);
    await alice.page.getByTestId('connection-banner').waitFor();
    await alice.page.getByTestId('composer').fill(text);
    await alice.page.getByTestId('composer').press('Enter');
    const pending = alice.page
      .locator('[data-testid="message"][data-pending]')
      .filter({ hasText: text });
    await pending.waitFor();
    expect(await pending.getByTestId('receipt').textContent()).toContain('Envoi');

    await alice.context.setOffline(false);
    await storedMessage(alice.page, text).waitFor({ timeout: 20_000 });
    expect(await alice.page.getByTestId('message').filter({ hasText: text }).count()).toBe(1);

    // Stored once on the server too.
    await openConversation(alice.page, id);
    await storedMessage(alice.page, text).waitFor();
    expect(await alice.page.getByTestId('message').filter({ hasText: text }).count()).toBe(1);
  });
});
