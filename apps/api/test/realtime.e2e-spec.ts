import type { MessageView } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { badAccessTokens, login, startApp, type TestApp } from './app';
import {
  A_UUID,
  createGroup,
  lastSeqOf,
  send,
  socketOf,
  storedMessages,
  type Person,
  demoSuite,
  SEND_IN_BURSTS,
} from './messaging';
import { closeSockets, connectError, connectSocket, type TestSocket } from './sockets';
import { waitFor } from './wait-for';
import { RealtimeService } from '../src/realtime/realtime.service';
import type { AppServer } from '../src/realtime/socket-types';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('realtime', () => {
  let t: TestApp, alice: Person, bob: Person, carol: Person;
  demoSuite(SEND_IN_BURSTS, (suite) => ({ t, alice, bob, carol } = suite));

  /** Whether this in-process app still holds the socket (its own state, not a guess from a delay). */
  async function heldByServer(socketId: string): Promise<boolean> {
    const { server } = t.app.get(RealtimeService) as unknown as { server: AppServer };
    return (await server.local.fetchSockets()).some((socket) => socket.id === socketId);
  }

  describe('ordering', () => {
    it('gives 200 messages sent at once from 10 sockets the seqs 1..200, each exactly once', async () => {
      const group = await createGroup(t, alice, [bob, carol]);
      const senders: [Person, TestSocket][] = [];
      for (const who of [alice, alice, alice, alice, bob, bob, bob, carol, carol, carol])
        senders.push([who, await socketOf(t, who)]);

      const acks = await Promise.all(
        senders.flatMap(([who, socket], s) =>
          range(1, 20).map((i) =>
            socket.ok('message:send', {
              conversationId: group.id,
              clientMessageId: randomUUID(),
              body: `${who.name} ${s}-${i}`,
            }),
          ),
        ),
      );
      expect(acks.map((m) => m.seq).sort((a, b) => a - b)).toEqual(range(1, 200));
      expect(new Set(acks.map((m) => m.id)).size).toBe(200);

      const stored = await storedMessages(t, group.id);
      expect(stored.map((m) => m.seq)).toEqual(range(1, 200));
      // Each stored row is the one its sender was acknowledged with.
      const bySeq = new Map(acks.map((m) => [m.seq, m]));
      for (const row of stored)
        expect([row.seq, row.id, row.body]).toEqual([
          row.seq,
          bySeq.get(row.seq)!.id,
          bySeq.get(row.seq)!.body,
        ]);
      expect(await lastSeqOf(t, group.id)).toBe(200);
      // Every member's socket heard every message, each exactly once: the ids each socket heard
      // are the 200 acknowledged ones (waiting for 200, then a round trip so a duplicate would show).
      const acked = acks.map((m) => m.id).sort();
      for (const [index, [, socket]] of senders.entries()) {
        await socket.waitForCount('message:new', 200, (m) => m.conversationId === group.id);
        await socket.settle();
        const heard = socket.all('message:new', (m) => m.conversationId === group.id);
        expect({ index, heard: heard.map((m) => m.id).sort() }).toEqual({ index, heard: acked });
      }
    });
  });

  describe('catch-up', () => {
    it('gives a reconnecting socket exactly the messages it missed, in order', async () => {
      const group = await createGroup(t, alice, [bob]);
      const elsewhere = await createGroup(t, alice, [carol]);
      const bobSocket = await socketOf(t, bob);
      const first = await send(t, alice, group.id, 'avant la coupure');
      await bobSocket.waitFor('message:new', (m) => m.id === first.id);
      const held = first.seq;
      bobSocket.close();

      const missed: MessageView[] = [];
      for (let i = 1; i <= 50; i++) missed.push(await send(t, alice, group.id, `pendant ${i}`));
      await send(t, alice, elsewhere.id, 'pas pour bob');

      const again = await socketOf(t, bob);
      // bob's cursors: the group he is in, a conversation he is not in, one that does not exist.
      const result = await again.ok('sync', {
        cursors: { [group.id]: held, [elsewhere.id]: 0, [A_UUID]: 0 },
      });
      expect(Object.keys(result.conversations)).toEqual([group.id]);
      const page = result.conversations[group.id]!;
      expect(page.hasMore).toBe(false);
      expect(page.items).toEqual(missed);
      expect(page.items.map((m) => m.seq)).toEqual(range(2, 51));

      // Up to date: nothing more.
      const none = await again.ok('sync', { cursors: { [group.id]: 51 } });
      expect(none.conversations[group.id]).toMatchObject({
        items: [],
        hasMore: false,
        changed: [],
      });
    });

    it('pages a catch-up of more than 200 messages with hasMore and the new cursor', async () => {
      const group = await createGroup(t, alice, [bob]);
      const aliceSocket = await socketOf(t, alice);
      await Promise.all(
        range(1, 230).map((i) =>
          aliceSocket.ok('message:send', {
            conversationId: group.id,
            clientMessageId: randomUUID(),
            body: `n${i}`,
          }),
        ),
      );

      const bobSocket = await socketOf(t, bob);
      const first = (await bobSocket.ok('sync', { cursors: { [group.id]: 0 } })).conversations[
        group.id
      ]!;
      expect(first.hasMore).toBe(true);
      expect(first.items.map((m) => m.seq)).toEqual(range(1, 200));
      const cursor = first.items[first.items.length - 1]!.seq;
      const rest = (await bobSocket.ok('sync', { cursors: { [group.id]: cursor } })).conversations[
        group.id
      ]!;
      expect(rest.hasMore).toBe(false);
      expect(rest.items.map((m) => m.seq)).toEqual(range(201, 230));
    });
  });

  describe('typing', () => {
    it('reaches the other members only, not the typist’s own tabs nor non-members', async () => {
      const group = await createGroup(t, alice, [bob]);
      const [tab1, tab2, bobSocket, carolSocket] = await Promise.all([
        socketOf(t, alice),
        socketOf(t, alice),
        socketOf(t, bob),
        socketOf(t, carol),
      ]);
      expect(await tab1.emit('typing', { conversationId: group.id, typing: true })).toEqual({
        ok: true,
        data: null,
      });
      expect(await bobSocket.waitFor('typing', (e) => e.conversationId === group.id)).toEqual({
        conversationId: group.id,
        userId: alice.id,
        typing: true,
      });
      await tab1.expectNoneSoFar('typing');
      await tab2.expectNoneSoFar('typing');
      await carolSocket.expectNoneSoFar('typing');

      // Sending stops it.
      await tab1.ok('message:send', {
        conversationId: group.id,
        clientMessageId: randomUUID(),
        body: 'voilà',
      });
      await bobSocket.waitFor('typing', (e) => e.conversationId === group.id && !e.typing);
      await tab2.expectNoneSoFar('typing');
    });

    it('is throttled: 10 rapid typing:true make one typing event for the others; an explicit stop goes through', async () => {
      const group = await createGroup(t, alice, [bob]);
      const [aliceSocket, bobSocket] = await Promise.all([socketOf(t, alice), socketOf(t, bob)]);
      for (let i = 0; i < 10; i++)
        await aliceSocket.ok('typing', { conversationId: group.id, typing: true });
      await bobSocket.waitFor('typing', (e) => e.conversationId === group.id);
      await bobSocket.settle();
      expect(bobSocket.all('typing', (e) => e.conversationId === group.id)).toEqual([
        { conversationId: group.id, userId: alice.id, typing: true },
      ]);

      await aliceSocket.ok('typing', { conversationId: group.id, typing: false });
      await bobSocket.waitFor('typing', (e) => e.conversationId === group.id && !e.typing);
      await bobSocket.settle();
      expect(
        bobSocket.all('typing', (e) => e.conversationId === group.id).map((e) => e.typing),
      ).toEqual([true, false]);
    });

    it('stops when the typist’s tab closes, not when another tab of theirs does', async () => {
      const group = await createGroup(t, alice, [bob]);
      const [typist, otherTab, bobSocket] = await Promise.all([
        socketOf(t, alice),
        socketOf(t, alice),
        socketOf(t, bob),
      ]);
      await typist.ok('typing', { conversationId: group.id, typing: true });
      await bobSocket.waitFor('typing', (e) => e.conversationId === group.id && e.typing);
      const otherTabId = otherTab.socket.id!;
      otherTab.close();
      // Once the server no longer holds that tab it has run its disconnect handlers: any "stopped"
      // they caused is on its way to Bob before his answer.
      await waitFor(async () => !(await heldByServer(otherTabId)), 10_000, 'the tab closed');
      await bobSocket.expectNoneSoFar('typing', (e) => e.conversationId === group.id && !e.typing);
      typist.close();
      await bobSocket.waitFor('typing', (e) => e.conversationId === group.id && !e.typing);
    });

    it('stops by itself when no refresh comes', async () => {
      const group = await createGroup(t, alice, [bob]);
      const [aliceSocket, bobSocket] = await Promise.all([socketOf(t, alice), socketOf(t, bob)]);
      await aliceSocket.ok('typing', { conversationId: group.id, typing: true });
      await bobSocket.waitFor('typing', (e) => e.conversationId === group.id && e.typing);
      const stop = await bobSocket.waitFor(
        'typing',
        (e) => e.conversationId === group.id && !e.typing,
        8000,
      );
      expect(stop).toEqual({ conversationId: group.id, userId: alice.id, typing: false });
      expect(aliceSocket.connected).toBe(true);
    }, 15000);
  });

  describe('socket authentication', () => {
    it('refuses a missing, forged, expired or alg:none token with connect_error "unauthorized"', async () => {
      const session = await login(t.http, 'demo', 'alice@demo.test');
      const { expired, forged, algNone } = await badAccessTokens(t, session.accessToken);
      const attempts: Record<string, Record<string, unknown>> = {
        missing: {},
        empty: { token: '' },
        'not a string': { token: 42 },
        garbage: { token: 'not-a-jwt' },
        forged: { token: forged },
        expired: { token: expired },
        'alg none': { token: algNone },
        'a refresh token': { token: session.refreshToken },
      };
      for (const [name, auth] of Object.entries(attempts)) {
        expect([name, await connectError(t.url, auth)]).toEqual([name, 'unauthorized']);
      }
      // The real one connects.
      expect((await connectSocket(t.url, session.accessToken)).connected).toBe(true);
    });
  });
});

describe('socket token expiry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ JWT_ACCESS_TTL: '3s', SOCKET_EXPIRY_SWEEP: '1' });
  });
  afterEach(() => closeSockets());
  afterAll(() => t.close());

  it('closes an open socket once its access token expires', async () => {
    const session = await login(t.http, 'demo', 'bob@demo.test');
    const socket = await connectSocket(t.url, session.accessToken);
    expect(await socket.disconnected(10000)).toBe('io server disconnect');
    // The same token can no longer open one.
    expect(await connectError(t.url, { token: session.accessToken })).toBe('unauthorized');
  }, 15000);
});
