import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchBrowser, openPage, signIn } from './browser';
import { type Account, type Who, freshPeople } from './fresh-people';

// Two or three people side by side, each in their own browser context.

/** Who signs in: this test's own Alice (an admin), Bob and Carol (see `peopleSideBySide`). */
export const ALICE: Who = 'alice';
export const BOB: Who = 'bob';
export const CAROL: Who = 'carol';

export interface Person {
  context: BrowserContext;
  page: Page;
}

/**
 * One browser for the file and, for each test, an Alice, a Bob and a Carol of a new organisation
 * (nothing an earlier test did to theirs shows). `signedIn(who)` opens a fresh profile signed in
 * as one of them with a live connection, closed after the test; `accountOf(who)` is who they are,
 * for calls made as them without a page.
 */
export function peopleSideBySide() {
  let browser: Browser;
  let opened: BrowserContext[] = [];
  let people: Record<Who, Account>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    people = await freshPeople();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // Whatever a test does, the page breaks none of the API's Content-Security-Policy (no inline
  // script or style, only its own origin): Chromium reports each refusal on the console.
  let refusals: string[] = [];
  afterEach(async () => {
    await Promise.all(opened.map((context) => context.close()));
    opened = [];
    const seen = refusals;
    refusals = [];
    expect(seen).toEqual([]);
  });

  async function signedIn(who: Who, viewport?: { width: number; height: number }): Promise<Person> {
    const person = await openPage(browser, viewport);
    opened.push(person.context);
    person.page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) refusals.push(message.text());
    });
    await signIn(person.page, people[who]);
    await person.page.getByTestId('current-user').waitFor();
    await waitForSocket(person.page);
    return person;
  }

  return { signedIn, accountOf: (who: Who): Account => people[who] };
}

export function storedMessage(page: Page, text: string): Locator {
  return page.locator('[data-testid="message"][data-seq]').filter({ hasText: text });
}

/** The live connection is up: wait for the socket, not a delay. */
export async function waitForSocket(page: Page): Promise<void> {
  await page.locator('[data-connection-state="connected"]').waitFor({ state: 'attached' });
}

/** Opens the conversation and waits until it can be written in. */
export async function openConversation(page: Page, conversationId: string): Promise<void> {
  await page.goto(`/messages/${conversationId}`);
  await page.getByTestId('composer').waitFor();
  await waitForSocket(page);
}

/** Sends with Enter; resolves once the server stored it (the message has its seq). */
export async function send(page: Page, text: string): Promise<void> {
  const composer = page.getByTestId('composer');
  await composer.fill(text);
  await composer.press('Enter');
  await storedMessage(page, text.split('\n')[0]).last().waitFor();
}

export async function inView(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const list = await page.getByTestId('message-list').boundingBox();
  return !!box && !!list && box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1;
}
