import type { ErrorCode } from '@mindsp/contracts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../api/test/api-process';
import { TcpProxy } from '../../api/test/tcp-proxy';
import { directWith, unique } from './api';
import { type RunningApi, startApi } from './api-process';
import { baseUrl, launchBrowser, openPage, signIn } from './browser';
import { type Account, PEOPLE, type Who, freshPeople } from './fresh-people';
import { openConversation, storedMessage, waitForSocket } from './messaging';

// A database outage during a send, as Alice sees it: her API instance reaches PostgreSQL through
// a proxy the test cuts while she sends; Bob reads on the run's API (the message reaches him
// through the Socket.IO Redis adapter). The SPA must keep the message pending, send it again
// with the same clientMessageId after the API's `unavailable`, the same way over the socket and
// over REST, and once PostgreSQL is back the message is stored and shown once.

type Transport = 'socket' | 'rest';

interface Attempt {
  over: Transport;
  clientMessageId: string;
}

/**
 * Every attempt `page` makes to send `body` to a conversation (over the socket: a `message:send` packet in a
 * WebSocket frame; over REST: a POST to the conversation's messages) and every refusal it gets
 * back, by code; `refused` resolves at the first refusal.
 */
function watchSends(page: Page, body: string) {
  const attempts: Attempt[] = [];
  const refusals: { over: Transport; code: ErrorCode }[] = [];
  let firstRefusal: () => void;
  const refused = new Promise<void>((resolve) => (firstRefusal = resolve));
  const refuse = (over: Transport, code: ErrorCode) => {
    refusals.push({ over, code });
    firstRefusal();
  };
  // Socket.IO packets in WebSocket frames: `42<ackId>["message:send",{…}]` out, `43<ackId>[ack]` back.
  const sendAckIds = new Set<string>();
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const packet = /^42(\d+)(\[.*)$/s.exec(String(payload));
      if (!packet) return;
      const [event, data] = JSON.parse(packet[2]!) as [
        string,
        { body?: string; clientMessageId: string },
      ];
      if (event !== 'message:send' || data.body !== body) return;
      sendAckIds.add(packet[1]!);
      attempts.push({ over: 'socket', clientMessageId: data.clientMessageId });
    });
    socket.on('framereceived', ({ payload }) => {
      const packet = /^43(\d+)(\[.*)$/s.exec(String(payload));
      if (!packet || !sendAckIds.has(packet[1]!)) return;
      const [ack] = JSON.parse(packet[2]!) as [{ ok: boolean; error?: { code: ErrorCode } }];
      if (!ack.ok) refuse('socket', ack.error!.code);
    });
  });
  const isSend = (method: string, url: string) =>
    method === 'POST' && /^\/api\/conversations\/[^/]+\/messages$/.test(new URL(url).pathname);
  page.on('request', (request) => {
    if (!isSend(request.method(), request.url())) return;
    const data = request.postDataJSON() as { body: string; clientMessageId: string };
    if (data.body === body) attempts.push({ over: 'rest', clientMessageId: data.clientMessageId });
  });
  page.on('response', (response) => {
    if (!isSend(response.request().method(), response.url()) || response.ok()) return;
    void response.json().then((error: { code: ErrorCode }) => refuse('rest', error.code));
  });
  return { attempts, refusals, refused };
}

describe('a database outage during a send', () => {
  let proxy: TcpProxy;
  let ownApi: RunningApi;
  let ownApiUrl: string;
  let browser: Browser;
  let database: pg.Client;
  let people: Record<Who, Account>;
  let opened: BrowserContext[] = [];

  beforeAll(async () => {
    const databaseUrl = new URL(inject('databaseUrl'));
    proxy = await TcpProxy.start({
      host: databaseUrl.hostname,
      port: Number(databaseUrl.port || 5432),
    });
    const viaProxy = new URL(databaseUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const port = await freePort();
    ownApiUrl = `http://localhost:${port}`;
    ownApi = startApi(
      {
        ...process.env,
        ...inject('apiEnv'),
        PORT: String(port),
        DATABASE_URL: viaProxy.toString(),
        // An attempt during the outage is answered `unavailable` within 1 + 2 s (not 2 + 3 s):
        // the SPA's retries (2 s, 4 s, 8 s apart) then still have attempts left after the restore.
        DATABASE_CONNECT_TIMEOUT: '1',
        DATABASE_QUERY_TIMEOUT: '2',
      },
      ownApiUrl,
    );
    await ownApi.ready();
    browser = await launchBrowser();
    database = new pg.Client({ connectionString: databaseUrl.toString() });
    await database.connect();
  });
  afterAll(async () => {
    proxy?.restore();
    await browser?.close();
    await ownApi?.stop();
    await proxy?.close();
    await database?.end();
  });
  beforeEach(async () => {
    people = await freshPeople();
  });
  afterEach(async () => {
    // A test that failed during the outage leaves the next one a working database.
    proxy.restore();
    await Promise.all(opened.map((context) => context.close()));
    opened = [];
  });

  /** `beforeSignIn` sees the page before it opens its live connection (to watch its frames). */
  async function signedIn(
    who: Who,
    origin: string,
    { socketBlocked = false, beforeSignIn = (_page: Page) => {} } = {},
  ) {
    const { context, page } = await openPage(browser, undefined, origin);
    opened.push(context);
    beforeSignIn(page);
    if (socketBlocked) {
      // The page's live connection never opens (neither its long-polling nor its WebSocket):
      // the SPA sends over REST, as it does whenever the socket is down.
      await context.route('**/socket.io/**', (route) => route.abort());
      await context.routeWebSocket('**/socket.io/**', (socket) => socket.close());
    }
    await signIn(page, people[who]);
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  async function storedCount(conversationId: string, body: string): Promise<number> {
    const { rows } = await database.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM messages WHERE conversation_id = $1 AND body = $2',
      [conversationId, body],
    );
    return rows[0]!.count;
  }

  /**
   * Alice sends while PostgreSQL is cut from her API; the test restores it once her page got a
   * refusal. Returns what her page sent and was answered, for the transport's own assertions.
   */
  async function sendDuringOutage(transport: Transport) {
    const text = `Pendant la coupure ${unique()}`;
    let sends!: ReturnType<typeof watchSends>;
    const alice = await signedIn('alice', ownApiUrl, {
      socketBlocked: transport === 'rest',
      beforeSignIn: (page) => (sends = watchSends(page, text)),
    });
    const conversationId = await directWith(alice, PEOPLE.bob);
    const bob = await signedIn('bob', baseUrl);
    await openConversation(bob, conversationId);
    await alice.goto(`/messages/${conversationId}`);
    const composer = alice.getByTestId('composer');
    await composer.waitFor();
    // The history is read before the cut (a read refused by the outage shows an error instead).
    await alice.getByTestId('message-list').waitFor();
    if (transport === 'socket') await waitForSocket(alice);
    else expect(await alice.locator('[data-connection-state="connected"]').count()).toBe(0);

    proxy.blackhole();
    await composer.fill(text);
    await composer.press('Enter');
    await sends.refused;
    expect(sends.refusals[0]).toEqual({ over: transport, code: 'unavailable' });
    // Refused, yet Alice sees it on its way, not failed: the SPA will send it again by itself.
    const mine = alice.locator('[data-testid="message"]').filter({ hasText: text });
    expect(await mine.getAttribute('data-pending')).toBe('sending');

    proxy.restore();
    await storedMessage(alice, text).waitFor();
    await storedMessage(bob, text).waitFor();
    expect(await mine.count()).toBe(1);
    expect(await storedMessage(bob, text).count()).toBe(1);
    expect(await storedCount(conversationId, text)).toBe(1);
    return sends;
  }

  function expectRetriedOver(transport: Transport, { attempts }: { attempts: Attempt[] }) {
    // At least the refused attempt and the one that stored it, all on the one transport and
    // all with the same clientMessageId (which is what makes the message stored once).
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attempts.map((attempt) => attempt.over))).toEqual(new Set([transport]));
    expect(new Set(attempts.map((attempt) => attempt.clientMessageId)).size).toBe(1);
  }

  it('over the socket: refused "unavailable", kept pending, sent again and delivered once', async () => {
    expectRetriedOver('socket', await sendDuringOutage('socket'));
  });

  it('over REST (no live connection): refused "unavailable", kept pending, sent again and delivered once', async () => {
    expectRetriedOver('rest', await sendDuringOutage('rest'));
  });
});
