import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import {
  createGroup,
  directWith,
  leaveThroughApi,
  readThroughApi,
  sendThroughApi,
  unique,
} from './api';
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

// Each test makes its own group (with a unique title) or sends its own unique text.

describe('a conversation', () => {
  const { signedIn } = peopleSideBySide();

  it('starts a direct conversation, and a group with a title, from the people picked', async () => {
    const alice = await signedIn(ALICE);
    await alice.page.goto('/messages/new');
    await alice.page
      .getByTestId('user-option')
      .filter({ hasText: 'Bob Durand' })
      .getByRole('checkbox')
      .check();
    await alice.page.getByRole('button', { name: 'Ouvrir la conversation' }).click();
    await alice.page.waitForURL(/\/messages\/[0-9a-f-]{36}$/);
    await alice.page
      .getByTestId('conversation-heading')
      .filter({ hasText: 'Bob Durand' })
      .waitFor();
    await expectAccessible(alice.page, 'a direct conversation');

    const title = `Équipe ${unique()}`;
    await alice.page.goto('/messages/new');
    for (const name of ['Bob Durand', 'Carol Petit'])
      await alice.page
        .getByTestId('user-option')
        .filter({ hasText: name })
        .getByRole('checkbox')
        .check();
    await alice.page.getByLabel('Nom du groupe').fill(title);
    await expectAccessible(alice.page, 'the new conversation page');
    await alice.page.getByRole('button', { name: 'Créer le groupe' }).click();
    await alice.page.getByTestId('conversation-heading').filter({ hasText: title }).waitFor();
    await alice.page.getByTestId('conversation-item').filter({ hasText: title }).waitFor();
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

    const id = await directWith(alice.page, 'Bob Durand');
    await openConversation(alice.page, id);
    await openConversation(bob.page, id);
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

  it('formats the small Markdown subset, and shows HTML inside it as text', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const dialogs: string[] = [];
    bob.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const id = await createGroup(alice.page, `Format ${unique()}`, ['Bob Durand']);
    const marker = unique();
    await sendThroughApi(
      alice.page,
      id,
      `**Départ** _7 h_ \`ARI\` ${marker}\n> <img src=x onerror=alert(1)>\n\n- **<script>alert(2)</script>**`,
    );
    await openConversation(bob.page, id);
    const body = storedMessage(bob.page, marker).getByTestId('message-body');
    await body.waitFor();
    expect(await body.locator('strong').first().textContent()).toBe('Départ');
    expect(await body.locator('em').textContent()).toBe('7 h');
    expect(await body.locator('code').textContent()).toBe('ARI');
    expect(await body.locator('blockquote').textContent()).toContain(
      '<img src=x onerror=alert(1)>',
    );
    expect(await body.locator('li strong').textContent()).toBe('<script>alert(2)</script>');
    expect(await body.locator('img, script').count()).toBe(0);
    await bob.page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
  });

  it('keeps a right-to-left override inside the message that holds it', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const title = `Bidi ${unique()}`;
    const id = await createGroup(alice.page, title, ['Bob Durand']);
    // U+202E (RIGHT-TO-LEFT OVERRIDE), never closed: it would reverse all that follows it
    // in the same line if the body were not isolated.
    const marker = unique();
    const body = `abc \u202Edef ${marker}`;
    await sendThroughApi(bob.page, id, body);
    await openConversation(alice.page, id);

    const message = storedMessage(alice.page, marker);
    await message.waitFor();
    const isolation = (selector: string) =>
      message.locator(selector).evaluate((element) => ({
        unicodeBidi: getComputedStyle(element).unicodeBidi,
        dir: element.getAttribute('dir'),
      }));
    // The body is a bidi island (dir="auto" isolates it): the override ends with it.
    expect(await isolation('[data-testid="message-body"]')).toEqual({
      unicodeBidi: 'isolate',
      dir: 'auto',
    });
    expect(await message.getByTestId('message-body').textContent()).toBe(body);
    // What follows it keeps its order: the sender's name above and the time below read
    // left to right, the time under the bubble, not pulled into it.
    expect(await message.getByTestId('message-sender').textContent()).toBe('Bob Durand');
    expect(await message.getByTestId('message-time').textContent()).toMatch(/^\d\d:\d\d$/);
    const bodyBox = (await message.getByTestId('message-body').boundingBox())!;
    const timeBox = (await message.getByTestId('message-time').boundingBox())!;
    expect(timeBox.y).toBeGreaterThanOrEqual(bodyBox.y + bodyBox.height);

    // In the list, the preview's body is isolated from the sender's name before it.
    const preview = alice.page
      .getByTestId('conversation-item')
      .filter({ hasText: title })
      .getByTestId('conversation-preview');
    const isolatedBody = preview.locator('bdi').filter({ hasText: marker });
    expect(await isolatedBody.evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe(
      'isolate',
    );
    expect(await preview.textContent()).toBe(`Bob : ${body}`);
    // And the group's title, as a heading, is isolated too.
    expect(
      await alice.page
        .getByTestId('conversation-heading')
        .locator('bdi')
        .evaluate((element) => getComputedStyle(element).unicodeBidi),
    ).toBe('isolate');
  });

  it('finds a message without accents and brings it into view', async () => {
    const alice = await signedIn(ALICE);
    const id = await createGroup(alice.page, `Recherche ${unique()}`, [
      'Bob Durand',
      'Carol Petit',
    ]);
    const text = `Réunion de garde à 18 h ${unique()}`;
    await sendThroughApi(alice.page, id, text);
    // Enough after it to push it out of view.
    for (let i = 0; i < 6; i++)
      await sendThroughApi(alice.page, id, `Ligne ${i}\n.\n.\n.\n.\nfin ${i}`);
    await openConversation(alice.page, id);

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
    const id = await directWith(alice.page, 'Bob Durand');
    await openConversation(alice.page, id);
    await openConversation(bob.page, id);
    const suffix = unique();
    await send(alice.page, `Rendez-vous à 8 h ${suffix}`);
    const messageId = await storedMessage(alice.page, suffix).getAttribute('data-message-id');
    const mine = alice.page.locator(`[data-testid="message"][data-message-id="${messageId}"]`);
    const bobsCopy = bob.page.locator(`[data-testid="message"][data-message-id="${messageId}"]`);
    await bobsCopy.waitFor();

    await mine.hover();
    await mine.getByRole('button', { name: 'Actions sur le message' }).click();
    // With a menu open, still no inline <style> or <script> in the page: the CSP
    // (script-src and style-src 'self') has nothing to refuse.
    expect(
      await alice.page.evaluate(() => document.querySelectorAll('style, script:not([src])').length),
    ).toBe(0);
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
    await sendThroughApi(alice.page, id, `Bienvenue ${title}`);
    await openConversation(alice.page, id);
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
    await expectAccessible(alice.page, 'the group details');
  });

  it('keeps the name and the read count of a member who left on the messages of their time', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const carol = await signedIn(CAROL);
    const id = await createGroup(alice.page, `Départ ${unique()}`, ['Bob Durand', 'Carol Petit']);
    const text = `Consignes de garde ${unique()}`;
    const { seq } = await sendThroughApi(alice.page, id, text);
    const reply = `Bien noté ${unique()}`;
    const { seq: replySeq } = await sendThroughApi(bob.page, id, reply);
    await readThroughApi(bob.page, id, replySeq);
    await readThroughApi(carol.page, id, replySeq);

    await openConversation(alice.page, id);
    const receipt = storedMessage(alice.page, text).getByTestId('receipt');
    await expect.poll(() => receipt.textContent()).toContain('Lu par 2 sur 2');
    expect(Number(await storedMessage(alice.page, text).getAttribute('data-seq'))).toBe(seq);

    await leaveThroughApi(bob.page, id);
    const bobsMessage = storedMessage(alice.page, reply);
    // Live (conversation:updated), then as the server has it after a reload.
    for (const reloaded of [false, true]) {
      if (reloaded) await openConversation(alice.page, id);
      await expect
        .poll(() => bobsMessage.getByTestId('message-sender').textContent())
        .toBe('Bob Durand (a quitté le groupe)');
      expect(await receipt.textContent()).toContain('Lu par 2 sur 2');
      expect(await receipt.getAttribute('data-status')).toBe('read');
    }
  });
});
