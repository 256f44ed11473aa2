import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { createGroup, directWith, sendThroughApi, unique } from './api';
import {
  ALICE,
  BOB,
  CAROL,
  openConversation,
  peopleSideBySide,
  send,
  storedMessage,
  waitForSocket,
} from './messaging';
import { expectAccessible } from './accessibility';

describe('the live connection and the layout', () => {
  const { signedIn } = peopleSideBySide();

  // Carol, whom no test takes offline: a connection dropped without a goodbye (setOffline)
  // keeps its user "online" on the server until its ping timeout. Bob and Carol share a
  // conversation: Bob follows the presence of the people of his conversations, and sees her
  // arrive live (arrivals are told to followers, never broadcast to the organisation).
  it('shows who is online, and closes the connection at sign-out', async () => {
    const bob = await signedIn(BOB);
    await directWith(bob.page, 'Carol Petit');
    const carol = await signedIn(CAROL);
    const carolOnline = bob.page.getByTestId('online-user').filter({ hasText: 'Carol' });
    await carolOnline.waitFor();

    await carol.page.getByRole('button', { name: 'Se déconnecter' }).click();
    await carol.page.waitForURL('**/login');
    await carolOnline.waitFor({ state: 'detached' });
  });

  it('renews a refused token for the live connection instead of signing out', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await directWith(alice.page, 'Bob Durand');
    await openConversation(alice.page, id);

    const handshakes: string[] = [];
    alice.page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => void handshakes.push(String(payload))),
    );
    alice.page.on('request', (request) => void handshakes.push(request.postData() ?? ''));

    // Reconnecting with a token the server refuses, as after its expiry.
    await alice.context.setOffline(true);
    await alice.page.getByTestId('connection-banner').waitFor();
    await alice.page.evaluate(() => localStorage.setItem('accessToken', 'expired.or.forged'));
    await alice.context.setOffline(false);
    await waitForSocket(alice.page);
    expect(handshakes.some((payload) => payload.includes('"token":"expired.or.forged"'))).toBe(
      true,
    );
    expect(await alice.page.evaluate(() => localStorage.getItem('accessToken'))).not.toBe(
      'expired.or.forged',
    );
    expect(new URL(alice.page.url()).pathname).toBe(`/messages/${id}`);

    // And it is live: Bob's message arrives without a reload.
    const text = `Toujours là ? ${unique()}`;
    await sendThroughApi(bob.page, id, text);
    await storedMessage(alice.page, text).waitFor();
  });

  it('looks right on a desktop and on a 375 px phone', async () => {
    const alice = await signedIn(ALICE);
    const title = `Équipe du week-end ${unique()}`;
    const id = await createGroup(alice.page, title, ['Bob Durand', 'Carol Petit']);
    await openConversation(alice.page, id);
    await send(alice.page, 'Bonjour à tous, le planning est ici : https://sdis.example/planning');
    // Shift+Enter starts a new line; Enter sends.
    await alice.page.getByTestId('composer').fill('Pensez à confirmer votre présence.');
    await alice.page.getByTestId('composer').press('Shift+Enter');
    await alice.page.getByTestId('composer').pressSequentially('Merci !');
    await alice.page.getByTestId('composer').press('Enter');
    const multiline = storedMessage(alice.page, 'Pensez à confirmer');
    await multiline.waitFor();
    expect(await multiline.getByTestId('message-body').textContent()).toBe(
      'Pensez à confirmer votre présence.\nMerci !',
    );
    // Replies from the others, as they look to Alice (names above, read count under hers).
    const bob = await signedIn(BOB);
    await sendThroughApi(bob.page, id, 'Présent samedi, absent dimanche.');
    await storedMessage(alice.page, 'Présent samedi').waitFor();
    await alice.page.getByText('Lu par 1 sur 2').first().waitFor();

    await screenshot(alice.page, 'messaging-conversation-desktop');
    await expectAccessible(alice.page, 'a group conversation');
    // Served under the API's policy: own scripts and styles only, own origin only.
    const served = await alice.page.request.get(`/messages/${id}`);
    expect(served.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(served.headers()['content-security-policy']).toMatch(/style-src 'self'(;|$)/);
    await alice.page.goto('/messages');
    await alice.page.getByTestId('conversation-item').first().waitFor();
    await screenshot(alice.page, 'messaging-list-desktop');
    await expectAccessible(alice.page, 'the messages page');

    const phone = await signedIn(ALICE, { width: 375, height: 700 });
    const scrollWidth = () => phone.page.evaluate(() => document.scrollingElement!.scrollWidth);
    await phone.page.getByTestId('conversation-item').first().waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await screenshot(phone.page, 'messaging-list-375');
    await expectAccessible(phone.page, 'the messages page');

    await phone.page.getByTestId('conversation-item').filter({ hasText: title }).click();
    await phone.page.getByTestId('message').first().waitFor();
    // On a phone the conversation replaces the list.
    expect(await phone.page.getByTestId('conversation-list').isVisible()).toBe(false);
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await screenshot(phone.page, 'messaging-conversation-375');
    await expectAccessible(phone.page, 'a group conversation');

    await phone.page.getByRole('link', { name: 'Conversations' }).click();
    await phone.page.getByTestId('conversation-list').waitFor();

    await phone.page.getByRole('link', { name: 'Nouvelle conversation' }).click();
    for (const name of ['Bob Durand', 'Carol Petit']) {
      await phone.page
        .getByTestId('user-option')
        .filter({ hasText: name })
        .getByRole('checkbox')
        .check();
    }
    await phone.page.getByLabel('Nom du groupe').waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await screenshot(phone.page, 'messaging-new-375');
    await expectAccessible(phone.page, 'the new conversation page');
  });
});
