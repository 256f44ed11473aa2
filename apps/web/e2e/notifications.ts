import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signInThroughApi } from './api';

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

/** A REST call as `email` (signed in through the API alone, so not connected). */
export async function callAs<T>(
  page: Page,
  email: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  data?: unknown,
): Promise<T> {
  const token = await signInThroughApi(page.request, email);
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

export function notificationsOf(page: Page, email: string): Promise<NotificationPage> {
  return callAs(page, email, 'GET', '/api/notifications?limit=100');
}

/** Starts a test from "nothing unread" for `email`'s notifications. */
export async function readAllNotifications(page: Page, email: string): Promise<void> {
  await callAs(page, email, 'POST', '/api/notifications/read-all');
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

/** What the tab title should count for `email`: unread conversations plus unread notifications. */
export async function expectedTitleCount(page: Page, email: string): Promise<number> {
  const conversations = await callAs<{ items: { unreadCount: number }[] }>(
    page,
    email,
    'GET',
    '/api/conversations?limit=100',
  );
  const notifications = await notificationsOf(page, email);
  const messageNotifications = notifications.items.filter(
    (item) => item.type === 'message' && item.readAt === null,
  ).length;
  return (
    conversations.items.filter((item) => item.unreadCount > 0).length +
    notifications.unreadCount -
    messageNotifications
  );
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
