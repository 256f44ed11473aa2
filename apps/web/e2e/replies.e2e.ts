import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { callApi, createGroup, sendThroughApi, unique } from './api';
import {
  ALICE,
  BOB,
  inView,
  openConversation,
  peopleSideBySide,
  storedMessage,
  waitForSocket,
} from './messaging';
import { notificationsOf } from './notifications';
import { expectAccessible } from './accessibility';

// Replies, mentions, mute and archive, two people side by side. Each test makes its own group
// with a unique title, so any one of them can run alone or in any order.

const replyThroughApi = (page: Page, conversationId: string, body: string, replyToId: string) =>
  callApi<{ id: string; seq: number }>(
    page,
    'POST',
    `/api/conversations/${conversationId}/messages`,
    {
      body,
      clientMessageId: randomUUID(),
      replyToId,
    },
  );

/** A stored message by id (its text also shows in the quotes of its replies). */
const messageById = (page: Page, messageId: string) =>
  page.locator(`[data-testid="message"][data-message-id="${messageId}"]`);

const listItem = (page: Page, conversationId: string) =>
  page.locator(`[data-testid="conversation-item"][data-conversation-id="${conversationId}"]`);

describe('replies, mentions, mute and archive', () => {
  const { signedIn, accountOf } = peopleSideBySide();

  it('replies to a message, jumps to an original out of the loaded history, and shows it deleted', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await createGroup(alice.page, `Réponses ${unique()}`, ['Bob Durand']);
    const originalText = `Rassemblement au CIS à 7 h ${unique()}`;
    const original = await sendThroughApi(alice.page, id, originalText);
    // More than a page after it: the original is not in the history Bob first loads.
    for (let n = 1; n <= 55; n++) await sendThroughApi(alice.page, id, `Ligne ${n}`);
    const answerText = `Je m'en occupe ${unique()}`;
    const answerId = (await replyThroughApi(bob.page, id, answerText, original.id)).id;

    await openConversation(bob.page, id);
    const answer = messageById(bob.page, answerId);
    await answer.waitFor();
    const quote = answer.getByTestId('reply-quote');
    expect(await quote.textContent()).toContain('Alice Martin');
    expect(await quote.textContent()).toContain('Rassemblement au CIS à 7 h');
    expect(await messageById(bob.page, original.id).count()).toBe(0);

    // The quote brings the original into view, loading the older pages it is in.
    await quote.click();
    const originalBubble = messageById(bob.page, original.id);
    await originalBubble.waitFor();
    await expect.poll(() => inView(bob.page, originalBubble)).toBe(true);

    // Alice answers Bob's reply from the message's Reply button; Bob sees the quote live.
    await openConversation(alice.page, id);
    const bobsAnswer = messageById(alice.page, answerId);
    await bobsAnswer.hover();
    await bobsAnswer.getByRole('button', { name: 'Répondre' }).click();
    const preview = alice.page.getByTestId('reply-preview');
    expect(await preview.textContent()).toContain('Réponse à Bob Durand');
    const thanks = `Merci ${unique()}`;
    const composer = alice.page.getByTestId('composer');
    await composer.fill(thanks);
    await composer.press('Enter');
    await storedMessage(alice.page, thanks).waitFor();
    expect(await preview.count()).toBe(0);
    const bobsCopy = storedMessage(bob.page, thanks);
    await bobsCopy.waitFor();
    expect(await bobsCopy.getByTestId('reply-quote').textContent()).toContain(answerText);
    await screenshot(bob.page, 'reply-quote');
    await expectAccessible(bob.page, 'a reply');

    // Bob deletes his message: the quote of it turns into "message supprimé", for both, live.
    await callApi(bob.page, 'DELETE', `/api/conversations/${id}/messages/${answerId}`);
    for (const page of [alice.page, bob.page]) {
      const quoteOfDeleted = storedMessage(page, thanks).getByTestId('reply-quote');
      await expect.poll(() => quoteOfDeleted.getAttribute('data-deleted')).toBe('true');
      expect(await quoteOfDeleted.textContent()).toContain('message supprimé');
    }
  }, 120_000);

  it('mentions a member picked in the autocomplete, who is notified even with the conversation muted', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const title = `Mentions ${unique()}`;
    const id = await createGroup(alice.page, title, ['Bob Durand', 'Carol Petit']);
    await callApi(bob.page, 'PUT', `/api/conversations/${id}/membership`, { muted: true });
    await bob.page.goto('/messages');
    await waitForSocket(bob.page);

    await openConversation(alice.page, id);
    const composer = alice.page.getByTestId('composer');
    await composer.pressSequentially('Départ 7 h @bo');
    const suggestions = alice.page.getByTestId('mention-suggestions');
    await suggestions.waitFor();
    expect(await suggestions.getByRole('option').allTextContents()).toEqual(['@Bob Durand']);
    // The group's creator may also call everyone.
    await composer.press('Backspace');
    await composer.press('Backspace');
    expect(await suggestions.getByRole('option').first().textContent()).toContain('@tous');
    await composer.pressSequentially('bo');
    await composer.press('Enter');
    expect(await composer.inputValue()).toBe('Départ 7 h @Bob Durand ');
    const suffix = unique();
    await composer.pressSequentially(`tu conduis ${suffix}`);
    await composer.press('Enter');

    const sent = storedMessage(alice.page, suffix);
    await sent.waitFor();
    const mention = sent.getByTestId('mention');
    expect(await mention.textContent()).toBe('@Bob Durand');
    expect(await sent.getByTestId('message-body').textContent()).toBe(
      `Départ 7 h @Bob Durand tu conduis ${suffix}`,
    );

    // Bob muted the group, yet the mention reaches his bell, live.
    await bob.page.getByTestId('notification-count').waitFor();
    await bob.page.getByTestId('notification-bell').click();
    const notification = bob.page
      .getByRole('region', { name: 'Messages' })
      .getByTestId('notification')
      .filter({ hasText: suffix });
    await notification.waitFor();
    expect(await notification.textContent()).toContain('Alice Martin vous a mentionné');
    expect(await notification.textContent()).toContain(`@Bob Durand tu conduis ${suffix}`);
    await screenshot(bob.page, 'mention-notification');
    await expectAccessible(bob.page, 'a mention in the bell');
    const stored = await notificationsOf(bob.page, accountOf(BOB));
    expect(
      stored.items.filter((item) => item.data.conversationId === id).map((item) => item.type),
    ).toEqual(['mention']);
  }, 120_000);

  it('greys the badge of a muted conversation, and archives one until a new message brings it back', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await createGroup(alice.page, `Sourdine ${unique()}`, ['Bob Durand']);

    await openConversation(bob.page, id);
    await bob.page.getByRole('button', { name: 'Mettre en sourdine' }).click();
    await bob.page.getByRole('button', { name: 'Réactiver les notifications' }).waitFor();
    await bob.page.goto('/messages');
    await waitForSocket(bob.page);
    await sendThroughApi(alice.page, id, `Pour info ${unique()}`);
    const badge = listItem(bob.page, id).getByTestId('unread-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('data-muted')).toBe('true');
    // Grey, not the red of a conversation that calls for attention.
    const greyed = await badge.evaluate((element) => getComputedStyle(element).backgroundColor);
    const other = await createGroup(alice.page, `Pas en sourdine ${unique()}`, ['Bob Durand']);
    await sendThroughApi(alice.page, other, 'Bonjour');
    const red = listItem(bob.page, other).getByTestId('unread-badge');
    await red.waitFor();
    expect(await red.getAttribute('data-muted')).toBe('false');
    expect(await red.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
      greyed,
    );

    // Archived: gone from the list, under "Archivées"; a new message brings it back.
    await openConversation(bob.page, id);
    await bob.page.getByRole('button', { name: 'Archiver' }).click();
    await bob.page.getByRole('button', { name: 'Désarchiver' }).waitFor();
    await bob.page.goto('/messages');
    await waitForSocket(bob.page);
    await listItem(bob.page, other).waitFor();
    expect(await listItem(bob.page, id).count()).toBe(0);
    await bob.page.getByTestId('archived-toggle').click();
    await bob.page.getByTestId('archived-list').waitFor();
    await listItem(bob.page, id).waitFor();
    await screenshot(bob.page, 'archived-list');
    await expectAccessible(bob.page, 'the archived list');
    await bob.page.getByTestId('archived-toggle').click();
    await bob.page.getByTestId('conversation-list').waitFor();
    expect(await listItem(bob.page, id).count()).toBe(0);

    await sendThroughApi(alice.page, id, `Retour ${unique()}`);
    await listItem(bob.page, id).waitFor();
    expect(await listItem(bob.page, id).getAttribute('data-muted')).toBe('true');
    await bob.page.getByTestId('archived-toggle').click();
    await bob.page.getByTestId('archived-empty').waitFor();
  }, 120_000);
});
