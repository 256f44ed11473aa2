import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn } from './browser';

// Two (or three) people side by side, each in their own browser context. Every test makes
// its own group, or sends its own text, so the tests do not depend on one another.

const ALICE = 'alice@demo.test';
const BOB = 'bob@demo.test';
const CAROL = 'carol@demo.test';

const unique = () => randomUUID().slice(0, 8);

interface Person {
  context: BrowserContext;
  page: Page;
}

describe('messaging', () => {
  let browser: Browser;
  let opened: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await Promise.all(opened.map((context) => context.close()));
    opened = [];
  });

  async function signedIn(
    email: string,
    viewport?: { width: number; height: number },
  ): Promise<Person> {
    const person = await openPage(browser, viewport);
    opened.push(person.context);
    await signIn(person.page, email);
    await person.page.getByTestId('current-user').waitFor();
    // The live connection is up once the banner could show: wait for the socket, not a delay.
    await waitForSocket(person.page);
    return person;
  }

  // First: it sends the most messages, before the other tests use up anyone's sending rate.
  it('loads older messages when scrolling up, keeping the reading position', async () => {
    const alice = await signedIn(ALICE);
    const title = `Historique ${unique()}`;
    const id = await createGroup(alice.page, title, ['Bob Durand', 'Carol Petit']);
    // 54 messages, more than a page; three senders stay well under the per-person sending rate.
    const senders = [alice.page, (await signedIn(BOB)).page, (await signedIn(CAROL)).page];
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

    await openDirect(alice.page, 'Bob Durand');
    await send(alice.page, text);

    // Bob stays on /messages, without reloading: the conversation moves up with a badge.
    const item = bob.page.getByTestId('conversation-item').filter({ hasText: 'Alice Martin' });
    await item.getByTestId('conversation-preview').filter({ hasText: text }).waitFor();
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
    const id = await openDirect(alice.page, 'Bob Durand');
    await bob.page.goto(`/messages/${id}`);
    await waitForSocket(bob.page);

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
    await openDirect(alice.page, 'Bob Durand');
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
    await signedIn(CAROL);
    const title = `Garde de nuit ${unique()}`;
    const text = `Relève à 7 h ${unique()}`;

    await createGroup(alice.page, title, ['Bob Durand', 'Carol Petit']);
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
    const id = await openDirect(alice.page, 'Bob Durand');
    await bob.page.goto(`/messages/${id}`);
    await waitForSocket(bob.page);
    await bob.page.getByTestId('message-list').waitFor();
    const text = `Message pendant la coupure ${unique()}`;

    const sent: string[] = [];
    bob.page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => void sent.push(String(payload))),
    );
    bob.page.on('request', (request) => void sent.push(request.postData() ?? ''));

    await bob.context.setOffline(true);
    await bob.page.getByTestId('connection-banner').waitFor();

    await send(alice.page, text);
    // Nothing can reach Bob now.
    await bob.page.waitForTimeout(1_000);
    expect(await bob.page.getByTestId('message').filter({ hasText: text }).count()).toBe(0);

    await bob.context.setOffline(false);
    await bob.page.getByTestId('connection-banner').waitFor({ state: 'detached', timeout: 20_000 });
    await storedMessage(bob.page, text).waitFor({ timeout: 20_000 });
    // Exactly once; it came through the catch-up: nothing reached Bob while he was away.
    expect(await storedMessage(bob.page, text).count()).toBe(1);
    expect(sent.some((payload) => payload.includes('"sync"') && payload.includes(id))).toBe(true);
  });

  it('sends a message written offline once back online, exactly once', async () => {
    const alice = await signedIn(ALICE);
    const id = await openDirect(alice.page, 'Bob Durand');
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
    await alice.page.goto(`/messages/${id}`);
    await storedMessage(alice.page, text).waitFor();
    expect(await alice.page.getByTestId('message').filter({ hasText: text }).count()).toBe(1);
  });

  it('shows markup in a message as text and runs none of it', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const dialogs: string[] = [];
    for (const { page } of [alice, bob]) {
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    }

    const id = await openDirect(alice.page, 'Bob Durand');
    await bob.page.goto(`/messages/${id}`);
    await waitForSocket(bob.page);
    const text = `<img src=x onerror=alert(1)> ${unique()}`;
    await send(alice.page, text);

    for (const { page } of [alice, bob]) {
      const message = storedMessage(page, text);
      await message.waitFor();
      expect(await message.getByTestId('message-body').textContent()).toBe(text);
      expect(await message.locator('img').count()).toBe(0);
    }
    // The list's preview is text too.
    expect(await bob.page.getByTestId('conversation-list').locator('img').count()).toBe(0);
    await bob.page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
  });

  it('finds a message without accents and brings it into view', async () => {
    const alice = await signedIn(ALICE);
    const title = `Recherche ${unique()}`;
    const text = `Réunion de garde à 18 h ${unique()}`;
    await createGroup(alice.page, title, ['Bob Durand', 'Carol Petit']);
    await send(alice.page, text);
    // Enough after it to push it out of view.
    for (let i = 0; i < 6; i++) await send(alice.page, `Ligne ${i}\n.\n.\n.\n.\nfin ${i}`);

    await alice.page.getByRole('button', { name: 'Rechercher dans la conversation' }).click();
    await alice.page
      .getByRole('searchbox', { name: 'Rechercher dans la conversation' })
      .fill('reunion');
    const hit = alice.page.getByTestId('search-hit').filter({ hasText: text.slice(-8) });
    await hit.waitFor();
    expect(await hit.locator('mark').first().textContent()).toBe('Réunion');

    await hit.click();
    const target = storedMessage(alice.page, text);
    await expect.poll(() => inView(alice.page, target)).toBe(true);
  });

  it('edits and deletes my own message, for everyone', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await openDirect(alice.page, 'Bob Durand');
    await bob.page.goto(`/messages/${id}`);
    await waitForSocket(bob.page);
    const suffix = unique();
    await send(alice.page, `Rendez-vous à 8 h ${suffix}`);
    const messageId = await storedMessage(alice.page, suffix).getAttribute('data-message-id');
    const mine = alice.page.locator(`[data-testid="message"][data-message-id="${messageId}"]`);
    const bobsCopy = bob.page.locator(`[data-testid="message"][data-message-id="${messageId}"]`);
    await bobsCopy.waitFor();

    await mine.hover();
    await mine.getByRole('button', { name: 'Actions sur le message' }).click();
    await alice.page.getByRole('menuitem', { name: 'Modifier' }).click();
    const editor = alice.page.getByRole('textbox', { name: 'Modifier le message' });
    await editor.fill(`Rendez-vous à 9 h ${suffix}`);
    await editor.press('Enter');
    await bobsCopy.getByText(`Rendez-vous à 9 h ${suffix}`).waitFor();
    expect(await bobsCopy.textContent()).toContain('modifié');

    await mine.hover();
    await mine.getByRole('button', { name: 'Actions sur le message' }).click();
    await alice.page.getByRole('menuitem', { name: 'Supprimer' }).click();
    await mine.getByRole('group').getByRole('button', { name: 'Supprimer' }).click();
    await bobsCopy.getByText('Message supprimé').waitFor();
    await mine.getByText('Message supprimé').waitFor();
    expect(await bobsCopy.textContent()).not.toContain(suffix);
  });

  it('renames a group, lets a member leave, and adds them back', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const title = `Astreinte ${unique()}`;
    const id = await createGroup(alice.page, title, ['Bob Durand', 'Carol Petit']);
    await send(alice.page, `Bienvenue ${title}`);
    await bob.page.getByTestId('conversation-item').filter({ hasText: title }).waitFor();

    await alice.page.getByRole('button', { name: 'Membres et réglages du groupe' }).click();
    const details = alice.page.getByTestId('group-details');
    await details.getByText('Membres (3)').waitFor();
    await details.getByLabel('Nom du groupe').fill(`${title} renommée`);
    await details.getByRole('button', { name: 'Renommer' }).click();
    await bob.page
      .getByTestId('conversation-item')
      .filter({ hasText: `${title} renommée` })
      .waitFor();

    await bob.page.goto(`/messages/${id}`);
    await bob.page.getByRole('button', { name: 'Membres et réglages du groupe' }).click();
    await bob.page.getByRole('button', { name: 'Quitter le groupe' }).click();
    await bob.page
      .getByRole('group', { name: 'Quitter le groupe' })
      .getByRole('button', { name: 'Quitter le groupe' })
      .click();
    await bob.page.waitForURL('**/messages');
    await bob.page.getByTestId('online-users').waitFor();
    expect(await bob.page.getByTestId('conversation-item').filter({ hasText: title }).count()).toBe(
      0,
    );
    await details.getByText('Membres (2)').waitFor();

    await details.getByLabel('Ajouter des personnes').fill('Bob');
    await details
      .getByRole('listitem')
      .filter({ hasText: 'Bob Durand' })
      .getByRole('button', { name: 'Ajouter' })
      .click();
    await details.getByText('Membres (3)').waitFor();
    await bob.page
      .getByTestId('conversation-item')
      .filter({ hasText: `${title} renommée` })
      .waitFor();
    await screenshot(alice.page, 'messaging-group-details-desktop');
  });

  // Carol: the others went offline in earlier tests, and a connection dropped without a goodbye
  // keeps them "online" on the server until its ping timeout.
  it('shows who is online, and closes the connection at sign-out', async () => {
    const bob = await signedIn(BOB);
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
    const id = await openDirect(alice.page, 'Bob Durand');

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
    await bob.page.goto(`/messages/${id}`);
    await waitForSocket(bob.page);
    await send(bob.page, text);
    await storedMessage(alice.page, text).waitFor();
  });

  it('looks right on a desktop and on a 375 px phone', async () => {
    const alice = await signedIn(ALICE);
    const title = `Équipe du week-end ${unique()}`;
    await createGroup(alice.page, title, ['Bob Durand', 'Carol Petit']);
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
    const id = new URL(alice.page.url()).pathname.split('/').at(-1)!;
    const bob = await signedIn(BOB);
    await sendThroughApi(bob.page, id, 'Présent samedi, absent dimanche.');
    await storedMessage(alice.page, 'Présent samedi').waitFor();
    await alice.page.getByText('Lu par 1 sur 2').first().waitFor();

    await screenshot(alice.page, 'messaging-conversation-desktop');
    await alice.page.goto('/messages');
    await alice.page.getByTestId('conversation-item').first().waitFor();
    await screenshot(alice.page, 'messaging-list-desktop');

    const phone = await signedIn(ALICE, { width: 375, height: 700 });
    const scrollWidth = () => phone.page.evaluate(() => document.scrollingElement!.scrollWidth);
    await phone.page.getByTestId('conversation-item').first().waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await screenshot(phone.page, 'messaging-list-375');

    await phone.page.getByTestId('conversation-item').filter({ hasText: title }).click();
    await phone.page.getByTestId('message').first().waitFor();
    // On a phone the conversation replaces the list.
    expect(await phone.page.getByTestId('conversation-list').isVisible()).toBe(false);
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await screenshot(phone.page, 'messaging-conversation-375');

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
  });
});

function storedMessage(page: Page, text: string): Locator {
  return page.locator('[data-testid="message"][data-seq]').filter({ hasText: text });
}

async function waitForSocket(page: Page): Promise<void> {
  await page.locator('[data-connection-state="connected"]').waitFor({ state: 'attached' });
}

/** Opens (or creates) Alice's direct conversation with `name`; returns its id. */
async function openDirect(page: Page, name: string): Promise<string> {
  await page.goto('/messages/new');
  await page.getByTestId('user-option').filter({ hasText: name }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Ouvrir la conversation' }).click();
  await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
  await page.getByTestId('composer').waitFor();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

async function createGroup(page: Page, title: string, names: string[]): Promise<string> {
  await page.goto('/messages/new');
  for (const name of names)
    await page.getByTestId('user-option').filter({ hasText: name }).getByRole('checkbox').check();
  await page.getByLabel('Nom du groupe').fill(title);
  await page.getByRole('button', { name: 'Créer le groupe' }).click();
  await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
  await page.getByTestId('conversation-heading').filter({ hasText: title }).waitFor();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

/** Sends with Enter; resolves once the server stored it (the message has its seq). */
async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByTestId('composer');
  await composer.fill(text);
  await composer.press('Enter');
  await storedMessage(page, text.split('\n')[0]).last().waitFor();
}

/** Sends as the user signed in on `page`, through the REST API (what another device would do). */
async function sendThroughApi(page: Page, conversationId: string, body: string): Promise<void> {
  const token = await page.evaluate(() => localStorage.getItem('accessToken'));
  const response = await page.request.post(`/api/conversations/${conversationId}/messages`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { body, clientMessageId: randomUUID() },
  });
  expect(response.status(), await response.text()).toBe(201);
}

async function inView(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const list = await page.getByTestId('message-list').boundingBox();
  return !!box && !!list && box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1;
}
