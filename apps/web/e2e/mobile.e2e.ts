import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshPagePerTest, screenshot, signIn } from './browser';
import { type Account, freshPeople } from './fresh-people';
import { expectAccessible } from './accessibility';

describe('on a 375 px wide phone', () => {
  let page: Page;
  let alice: Account;

  freshPagePerTest((session) => ({ page } = session), { width: 375, height: 700 });
  beforeEach(async () => {
    ({ alice } = await freshPeople());
  });

  const scrollWidth = () => page.evaluate(() => document.scrollingElement!.scrollWidth);

  it('shows the user and the menu in the header without horizontal overflow', async () => {
    await signIn(page, alice);
    const currentUser = page.getByTestId('current-user');
    await currentUser.waitFor();
    expect(await currentUser.textContent()).toBe('Alice Martin');
    expect(await currentUser.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Menu' }).waitFor();

    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await screenshot(page, 'messages-375');
    await expectAccessible(page, 'the messages page');
  });

  it('offers sign-out in the header menu', async () => {
    await signIn(page, alice);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await screenshot(page, 'messages-375-menu');
    await expectAccessible(page, 'the open header menu');

    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/login');
  });
});
