import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInThroughApi } from './api';
import { freshPagePerTest, signIn } from './browser';
import { type Account, freshPeople } from './fresh-people';
import { expectAccessible } from './accessibility';

describe('language', () => {
  let page: Page;
  // Each test's own Bob: the language one test gives him is no other test's.
  let bob: Account;

  freshPagePerTest((session) => ({ page } = session));
  beforeEach(async () => {
    ({ bob } = await freshPeople());
  });

  /** Sets Bob's profile language, as another device of his would. */
  async function setBobsLanguage(locale: 'fr' | 'en') {
    const token = await signInThroughApi(page.request, bob);
    const response = await page.request.patch('/api/auth/me', {
      headers: { Authorization: `Bearer ${token}` },
      data: { locale },
    });
    expect(response.status()).toBe(200);
  }

  it('switches to English at once and keeps it after a reload', async () => {
    await signIn(page, bob);
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

    const saved = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/auth/me') && response.request().method() === 'PATCH',
    );
    await page.getByTestId('language-switch').getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect((await saved).status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Conversations');
    await page.getByText('Choose a conversation').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.getByRole('button', { name: 'Se déconnecter' }).count()).toBe(0);
  });

  it("applies the profile's language in a new browser after signing in", async () => {
    // Bob chose English elsewhere; this fresh French browser must follow his profile once he signs in.
    await setBobsLanguage('en');
    await signIn(page, bob);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    await page.getByTestId('language-switch').getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  });

  it('can be changed on the login page before signing in', async () => {
    await page.goto('/login');
    await page.getByTestId('language-switch').getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByLabel('Email address').count()).toBe(1);
    await expectAccessible(page, 'the login page in English');
  });
});
