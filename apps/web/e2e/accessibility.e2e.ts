import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { accessibilityViolations, expectAccessible } from './accessibility';
import { createGroup, unique } from './api';
import { type BrowserSession, launchBrowser, openPage, signIn } from './browser';
import { freshPeople } from './fresh-people';
import { waitForSocket } from './messaging';

// Every page a member or an admin reaches, at a desktop's and a phone's width, passes the
// accessibility check. The other browser tests run the same check on the pages they show.

interface Shown {
  name: string;
  /** Opens the page (Alice, an admin, is signed in) and resolves once its content is there. */
  show: (page: Page) => Promise<void>;
}

async function visit(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
}

const heading = (name: string) => (page: Page) =>
  page.getByRole('heading', { level: 1, name }).waitFor();

const SIGNED_IN_PAGES: Shown[] = [
  {
    name: 'messages',
    show: (page) => visit(page, '/messages', heading('Conversations')),
  },
  {
    name: 'a conversation',
    show: async (page) => {
      const id = await createGroup(page, `Accessible ${unique()}`, ['Bob Durand']);
      await visit(page, `/messages/${id}`, (p) => p.getByTestId('composer').waitFor());
    },
  },
  {
    name: 'new conversation',
    show: (page) =>
      visit(page, '/messages/new', (p) => p.getByTestId('user-option').first().waitFor()),
  },
  {
    name: 'the open bell',
    show: async (page) => {
      await visit(page, '/messages', heading('Conversations'));
      await page.getByTestId('notification-bell').click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'the open header menu',
    show: async (page) => {
      await visit(page, '/messages', heading('Conversations'));
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('menu').waitFor();
    },
  },
  {
    name: 'notifications',
    show: (page) => visit(page, '/notifications', heading('Notifications')),
  },
  {
    name: 'notification settings',
    show: (page) => visit(page, '/settings/notifications', (p) => p.getByLabel('Début').waitFor()),
  },
  {
    name: 'queues',
    show: (page) =>
      visit(page, '/admin/queues', (p) => p.getByTestId('queue-card').first().waitFor()),
  },
  {
    name: 'people',
    show: (page) =>
      visit(page, '/admin/people', (p) => p.getByTestId('person-row').first().waitFor()),
  },
  {
    name: 'announcements',
    show: (page) => visit(page, '/admin/announcements', (p) => p.getByLabel('Titre').waitFor()),
  },
  {
    name: 'new alert',
    show: (page) => visit(page, '/alerts/new', (p) => p.getByLabel('Titre').waitFor()),
  },
];

/** Checks the page, printing every violation found (whatever its impact) for the record. */
async function check(page: Page, name: string) {
  const all = await accessibilityViolations(page);
  const elements = all.reduce((sum, violation) => sum + violation.nodes.length, 0);
  const width = page.viewportSize()?.width;
  const rules = all.map((v) => `${v.id}/${v.impact}×${v.nodes.length}`).join(' ');
  console.log(`a11y ${width}px ${name}: ${elements} element(s) ${rules}`);
  await expectAccessible(page, name);
}

for (const width of [1280, 375]) {
  const viewport = { width, height: 800 };

  describe(`accessibility at ${width} px`, () => {
    let browser: Browser;
    // Alice (of an organisation of this block's own) signs in once for the pages that need it:
    // each test opens its page in her tab.
    let signedIn: BrowserSession;
    beforeAll(async () => {
      browser = await launchBrowser();
      signedIn = { browser, ...(await openPage(browser, viewport)) };
      await signIn(signedIn.page, (await freshPeople()).alice);
      await signedIn.page.getByTestId('current-user').waitFor();
      await waitForSocket(signedIn.page);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('finds no serious violation on login', async () => {
      const { context, page } = await openPage(browser, viewport);
      try {
        await visit(page, '/login', heading('Connexion'));
        await check(page, 'login');
      } finally {
        await context.close();
      }
    });

    for (const { name, show } of SIGNED_IN_PAGES) {
      it(`finds no serious violation on ${name}`, async () => {
        await show(signedIn.page);
        await check(signedIn.page, name);
      });
    }
  });
}
