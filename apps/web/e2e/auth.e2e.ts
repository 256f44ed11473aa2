import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { freshPagePerTest, openPage, screenshot, signIn } from './browser';
import { type Account, freshPeople } from './fresh-people';
import { expectAccessible } from './accessibility';

describe('signing in and out', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  // Each test's own people: failed sign-ins counted for one test's Alice are no other test's.
  let alice: Account;
  let carol: Account;

  freshPagePerTest((session) => ({ browser, context, page } = session));
  beforeEach(async () => {
    ({ alice, carol } = await freshPeople());
  });

  it('shows the signed-in user after a correct login', async () => {
    await signIn(page, alice);

    const currentUser = page.getByTestId('current-user');
    await currentUser.waitFor();
    expect(await currentUser.textContent()).toBe('Alice Martin');
    expect(new URL(page.url()).pathname).toBe('/messages');
    await page.getByRole('heading', { name: 'Conversations' }).waitFor();
    await page.getByText('Choisissez une conversation').waitFor();
    await screenshot(page, 'messages-desktop');
    await expectAccessible(page, 'the messages page');
  });

  it('keeps the user on /login with an error after a wrong password', async () => {
    await signIn(page, alice, { password: 'not-the-password' });

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Identifiants invalides');
    await expectAccessible(page, 'the login page with an error');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate(() => localStorage.getItem('accessToken'))).toBeNull();
  });

  it('says so when there were too many failed attempts', async () => {
    // This test's own Carol: nothing counted for her before. Each failure is refused as such
    // until the limit, and the attempt after it is refused for the number of attempts.
    const limit = inject('loginLimitPerEmail');
    const statuses: number[] = [];
    let retryAfterSeconds = 0;
    for (let attempt = 0; attempt <= limit; attempt++) {
      const answered = page.waitForResponse((response) =>
        response.url().endsWith('/api/auth/login'),
      );
      await signIn(page, carol, { password: `guess-${attempt}` });
      const response = await answered;
      statuses.push(response.status());
      if (response.status() === 429) ({ retryAfterSeconds } = await response.json());
    }
    expect(statuses).toEqual([...Array<number>(limit).fill(401), 429]);
    expect(retryAfterSeconds).toBeGreaterThan(0);

    // The real wait, in the largest unit that keeps it short, rounded up.
    const wait =
      retryAfterSeconds < 60
        ? `${retryAfterSeconds} s`
        : retryAfterSeconds < 3_600
          ? `${Math.ceil(retryAfterSeconds / 60)} min`
          : `${Math.ceil(retryAfterSeconds / 3_600)} h`;
    await page
      .getByRole('alert')
      .getByText(`Trop de tentatives : réessayez dans ${wait}`)
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('says the server cannot be reached when the request fails', async () => {
    await page.route('**/api/auth/login', (route) => route.abort('connectionrefused'));
    await signIn(page, alice);

    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Le serveur est injoignable');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('sends a signed-out visitor of /messages to /login, and back after signing in', async () => {
    await page.goto('/messages');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();

    await signIn(page, carol);
    await page.waitForURL('**/messages');
    await page.getByTestId('current-user').getByText('Carol Petit').waitFor();
  });

  it('signs out to /login and keeps the session closed after a reload', async () => {
    await signIn(page, alice);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/login');
    expect(await page.evaluate(() => localStorage.getItem('refreshToken'))).toBeNull();

    await page.goto('/messages');
    await page.waitForURL('**/login');
  });

  it('gets a new access token when the current one is refused', async () => {
    await signIn(page, alice);
    await page.getByTestId('current-user').waitFor();
    // An access token the API refuses, as after its expiry: the client must refresh, not sign out.
    await page.evaluate(() => localStorage.setItem('accessToken', 'expired.or.forged'));
    await page.reload();

    await page.getByTestId('current-user').getByText('Alice Martin').waitFor();
    const accessToken = await page.evaluate(() => localStorage.getItem('accessToken'));
    expect(accessToken).not.toBe('expired.or.forged');
    expect(accessToken).toBeTruthy();
  });

  it('looks right on the login page at 375 px', async () => {
    await context.close();
    ({ context, page } = await openPage(browser, { width: 375, height: 700 }));
    await page.goto('/login');
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await screenshot(page, 'login-375');
    await expectAccessible(page, 'the login page');
  });
});
