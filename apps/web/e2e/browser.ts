import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import type { Account } from './fresh-people';

export const baseUrl = inject('baseUrl');

export const screenshotDir = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../test-results',
);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no tokens, French browser) at the given size, on the run's API unless told. */
export async function openPage(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
  origin = baseUrl,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: origin, viewport, locale: 'fr-FR' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * One browser for the file and a fresh profile for each test, handed to `use` before each test
 * (and closed after it).
 */
export function freshPagePerTest(
  use: (session: BrowserSession) => void,
  viewport?: { width: number; height: number },
): void {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    const opened = await openPage(browser!, viewport);
    context = opened.context;
    use({ browser: browser!, ...opened });
  });
  afterEach(async () => {
    await context?.close();
  });
}

export const DEMO_PASSWORD = 'demo1234';

export async function signIn(
  page: Page,
  { tenant, email }: Account,
  { password = DEMO_PASSWORD } = {},
): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await page.getByLabel('Organisation').fill(tenant);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = resolve(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
