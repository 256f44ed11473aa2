import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signInThroughApi } from './api';
import type { Account } from './fresh-people';

// Notifications set up and observed through the REST API, as another device of the user would.

interface NotificationPage {
  items: {
    id: string;
    type: string;
    title: string;
    body: string;
    data: Record<string, unknown>;
    readAt: string | null;
  }[];
  unreadCount: number;
}

/** A REST call as `account` (signed in through the API alone, so not connected). */
export async function callAs<T>(
  page: Page,
  account: Account,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  data?: unknown,
): Promise<T> {
  const token = await signInThroughApi(page.request, account);
  const response = await page.request.fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token}` },
    data,
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(
    true,
  );
  return (await response.json()) as T;
}

export function notificationsOf(page: Page, account: Account): Promise<NotificationPage> {
  return callAs(page, account, 'GET', '/api/notifications?limit=100');
}

/** The number in "(3) MindSP Messaging"; 0 for the bare name. */
export async function titleCount(page: Page): Promise<number> {
  const match = /^\((\d+)\) /.exec(await page.title());
  return match ? Number(match[1]) : 0;
}

/** The bell's badge as a number (0 when it shows none). */
export async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId('notification-count');
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
}

/** Whole and on screen (a toast slides in from the edge). */
export async function onScreen(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  return (
    !!box &&
    !!viewport &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width &&
    box.y + box.height <= viewport.height
  );
}
