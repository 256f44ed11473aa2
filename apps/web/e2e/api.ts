import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from './browser';
import type { Account } from './fresh-people';

// What a test sets up through the REST API (as another device would), so that it depends on
// nothing an earlier test left behind.

export const unique = () => randomUUID().slice(0, 8);

/** The access token of the user signed in on `page`. */
async function tokenOf(page: Page): Promise<string> {
  const token = await page.evaluate(() => localStorage.getItem('accessToken'));
  if (!token) throw new Error('Nobody is signed in on this page');
  return token;
}

/** A REST call as the user signed in on `page`; fails the test unless it succeeds. */
export async function callApi<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await page.request.fetch(path, {
    method,
    headers: { Authorization: `Bearer ${await tokenOf(page)}` },
    data,
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(
    true,
  );
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** Signs in through the API alone (no page), for a change to a profile before a test. */
export async function signInThroughApi(
  request: APIRequestContext,
  { tenant, email }: Account,
): Promise<string> {
  const response = await request.post('/api/auth/login', {
    data: { tenant, email, password: DEMO_PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function userId(page: Page, displayName: string): Promise<string> {
  const { items } = await callApi<{ items: { id: string; displayName: string }[] }>(
    page,
    'GET',
    `/api/users?q=${encodeURIComponent(displayName)}`,
  );
  const user = items.find((item) => item.displayName === displayName);
  if (!user) throw new Error(`No user named ${displayName}`);
  return user.id;
}

/** A new group of the signed-in user with `names`, titled `title`; returns its id. */
export async function createGroup(page: Page, title: string, names: string[]): Promise<string> {
  const memberIds = await Promise.all(names.map((name) => userId(page, name)));
  const group = await callApi<{ id: string }>(page, 'POST', '/api/conversations', {
    kind: 'group',
    title,
    memberIds,
  });
  return group.id;
}

/** The direct conversation of the signed-in user with `name` (created if need be); its id. */
export async function directWith(page: Page, name: string): Promise<string> {
  const direct = await callApi<{ id: string }>(page, 'POST', '/api/conversations', {
    kind: 'direct',
    memberIds: [await userId(page, name)],
  });
  return direct.id;
}

/** Sends as the user signed in on `page`, through the REST API; the stored message's seq. */
export async function sendThroughApi(
  page: Page,
  conversationId: string,
  body: string,
): Promise<{ id: string; seq: number }> {
  return callApi(page, 'POST', `/api/conversations/${conversationId}/messages`, {
    body,
    clientMessageId: randomUUID(),
  });
}

/** Moves the read watermark of the user signed in on `page`. */
export async function readThroughApi(page: Page, conversationId: string, seq: number) {
  await callApi(page, 'POST', `/api/conversations/${conversationId}/read`, { seq });
}

/** The user signed in on `page` leaves the group. */
export async function leaveThroughApi(page: Page, conversationId: string) {
  const me = await callApi<{ id: string }>(page, 'GET', '/api/auth/me');
  await callApi(page, 'DELETE', `/api/conversations/${conversationId}/members/${me.id}`);
}
