import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { accessibilityViolations, expectAccessible } from './accessibility';
import { createGroup, unique } from './api';
import { freshPagePerTest, signIn } from './browser';
import { waitForSocket } from './messaging';

// Every page a member or an admin reaches, at a desktop's and a phone's width, passes the
// accessibility check. The other browser tests run the same check on the pages they show.

interface Shown {
  name: string;
  /** Opens the page (signed in as Alice, an admin) and resolves once its content is there. */
  show: (page: Page) => Promise<void>;
}

async function visit(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
}

const signedIn = async (page: Page) => {
  await signIn(page, 'alice@demo.test');
  await page.getByTestId('current-user').waitFor();
  await waitForSocket(page);
};

const heading = (name: string) => (page: Page) =>
  page.getByRole('heading', { level: 1, name }).waitFor();

const PAGES: Shown[] = [
  {
    name: 'login',
    show: (page) => visit(page, '/login', heading('Connexion')),
  },
  {
    name: 'messages',
    show: async (page) => {
      await signedIn(page);
      await heading('Conversations')(page);
    },
  },
  {
    name: 'a conversation',
    show: async (page) => {
      await signedIn(page);
      const id = await createGroup(page, `Accessible ${unique()}`, ['Bob Durand']);
      await visit(page, `/messages/${id}`, (p) => p.getByTestId('composer').waitFor());
    },
  },
  {
    name: 'new conversation',
    show: async (page) => {
      await signedIn(page);
      await visit(page, '/messages/new', (p) => p.getByTestId('user-option').first().waitFor());
    },
  },
  {
    name: 'the open bell',
    show: async (page) => {
      await signedIn(page);
      await page.getByTestId('notification-bell').click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'the open header menu',
    show: async (page) => {
      await signedIn(page);
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('menu').waitFor();
    },
  },
  {
    name: 'notifications',
    show: async (page) => {
      await signedIn(page);
      await visit(page, '/notifications', heading('Notifications'));
    },
  },
  {
    name: 'notification settings',
    show: async (page) => {
      await signedIn(page);
      await visit(page, '/settings/notifications', (p) => p.getByLabel('Début').waitFor());
    },
  },
  {
    name: 'queues',
    show: async (page) => {
      await signedIn(page);
      await visit(page, '/admin/queues', (p) => p.getByTestId('queue-card').first().waitFor());
    },
  },
  {
    name: 'people',
    show: async (page) => {
      await signedIn(page);
      await visit(page, '/admin/people', (p) => p.getByTestId('person-row').first().waitFor());
    },
  },
  {
    name: 'announcements',
    show: async (page) => {
      await signedIn(page);
      await visit(page, '/admin/announcements', (p) => p.getByLabel('Titre').waitFor());
    },
  },
  {
    name: 'new alert',
    show: async (page) => {
      await signedIn(page);
      await visit(page, '/alerts/new', (p) => p.getByLabel('Titre').waitFor());
    },
  },
];

for (const width of [1280, 375]) {
  describe(`accessibility at ${width} px`, () => {
    let page: Page;
    freshPagePerTest((session) => ({ page } = session), { width, height: 800 });

    for (const { name, show } of PAGES) {
      it(`finds no serious violation on ${name}`, async () => {
        await show(page);
        // Every impact, printed for the record; only serious and critical ones fail.
        const all = await accessibilityViolations(page);
        const elements = all.reduce((sum, violation) => sum + violation.nodes.length, 0);
        console.log(
          `a11y ${width}px ${name}: ${elements} element(s)`,
          all.map((v) => `${v.id}/${v.impact}×${v.nodes.length}`).join(' '),
        );
        await expectAccessible(page, name);
      });
    }
  });
}
