import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, createGroup, sendThroughApi, unique } from './api';
import { ALICE, BOB, CAROL, type Person, peopleSideBySide, waitForSocket } from './messaging';
import { expectAccessible } from './accessibility';

// The browser's Notification API and a hidden tab, stood in for: headless Chromium shows no
// notifications and its tab is always visible. Everything else is the real app.

interface Notice {
  title: string;
  body: string;
  tag: string;
  requireInteraction: boolean;
}

declare global {
  interface Window {
    notices: Notice[];
    permissionRequests: number;
  }
}

async function withFakeNotifications(
  person: Person,
  { permission, hidden }: { permission: NotificationPermission; hidden: boolean },
): Promise<Page> {
  await person.context.addInitScript(
    ({ permission, hidden }) => {
      window.notices = [];
      window.permissionRequests = 0;
      class FakeNotification {
        static permission = permission;
        static async requestPermission() {
          window.permissionRequests += 1;
          FakeNotification.permission = 'granted';
          return 'granted';
        }
        onclick = null;
        onclose = null;
        constructor(title: string, options: NotificationOptions) {
          window.notices.push({
            title,
            body: options.body ?? '',
            tag: options.tag ?? '',
            requireInteraction: options.requireInteraction ?? false,
          });
        }
        close() {}
      }
      Object.defineProperty(window, 'Notification', { value: FakeNotification });
      if (hidden) Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    },
    { permission, hidden },
  );
  await person.page.reload();
  await waitForSocket(person.page);
  return person.page;
}

describe('browser notifications', () => {
  const { signedIn } = peopleSideBySide();

  it('are raised for a new message while the tab is hidden', async () => {
    const alice = await signedIn(ALICE);
    const title = `Relève ${unique()}`;
    const groupId = await createGroup(alice.page, title, ['Bob Durand']);
    const bob = await withFakeNotifications(await signedIn(BOB), {
      permission: 'granted',
      hidden: true,
    });
    // The notice is titled from the conversation list: wait until it holds the group.
    await bob.getByText(title).first().waitFor();

    const text = `Relève à 19 h ${unique()}`;
    await sendThroughApi(alice.page, groupId, text);
    await expect
      .poll(() => bob.evaluate(() => window.notices))
      .toEqual([
        {
          title: `Alice Martin · ${title}`,
          body: text,
          tag: `conversation:${groupId}`,
          requireInteraction: false,
        },
      ]);
  });

  it("show each mention as the person's name, as the bubble does, never as its token", async () => {
    const alice = await signedIn(ALICE);
    const carol = await signedIn(CAROL);
    const carolId = (await callApi<{ id: string }>(carol.page, 'GET', '/api/auth/me')).id;
    const title = `Renfort ${unique()}`;
    const groupId = await createGroup(alice.page, title, ['Bob Durand', 'Carol Petit']);
    const bob = await withFakeNotifications(await signedIn(BOB), {
      permission: 'granted',
      hidden: true,
    });
    await bob.getByText(title).first().waitFor();

    const words = unique();
    await sendThroughApi(alice.page, groupId, `<@${carolId}> prends le VSAV ${words}`);
    const notices = () => bob.evaluate(() => window.notices);
    await expect
      .poll(async () => (await notices()).find((n) => n.tag === `conversation:${groupId}`)?.body)
      .toBe(`@Carol Petit prends le VSAV ${words}`);
    expect((await notices()).filter((notice) => notice.body.includes('<@'))).toEqual([]);
  });

  it('are not raised while the user looks at the tab', async () => {
    const alice = await signedIn(ALICE);
    const groupId = await createGroup(alice.page, `Relève ${unique()}`, ['Bob Durand']);
    const bob = await withFakeNotifications(await signedIn(BOB), {
      permission: 'granted',
      hidden: false,
    });
    const text = `Visible ${unique()}`;
    await sendThroughApi(alice.page, groupId, text);
    // The message reaches the list live; no notice was raised for it.
    await bob.getByText(text).first().waitFor();
    expect(await bob.evaluate(() => window.notices)).toEqual([]);
  });

  it('are asked for once, from a banner that says why', async () => {
    const bob = await withFakeNotifications(await signedIn(BOB), {
      permission: 'default',
      hidden: false,
    });
    const banner = bob.getByRole('region', { name: 'Notifications du navigateur' });
    expect(await banner.textContent()).toContain('même quand cet onglet est en arrière-plan');
    await expectAccessible(bob, 'the notification banner');
    await banner.getByRole('button', { name: 'Activer' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await bob.evaluate(() => window.permissionRequests)).toBe(1);

    // Answered once: not asked again in this browser.
    await bob.reload();
    await waitForSocket(bob);
    expect(await banner.count()).toBe(0);
  });
});
