import {
  MESSAGING_LIMITS,
  type ConversationView,
  type MessageView,
  type Page,
} from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from './app';
import {
  as,
  conversationOf,
  createGroup,
  freshTenant,
  history,
  lastSeqOf,
  send,
  socketOf,
  storedMessages,
  type Person,
  demoSuite,
  SEND_IN_BURSTS,
} from './messaging';
import { closeSockets } from './sockets';

describe('messages', () => {
  let t: TestApp, alice: Person, bob: Person, carol: Person;
  demoSuite(SEND_IN_BURSTS, (suite) => ({ t, alice, bob, carol } = suite));

  const inList = async (who: Person, conversationId: string) => {
    const page = (await as(t, who).get('/api/conversations').expect(200))
      .body as Page<ConversationView>;
    const found = page.items.find((c) => c.id === conversationId);
    if (!found) throw new Error(`conversation ${conversationId} is not in the list of ${who.name}`);
    return found;
  };

  describe('bodies', () => {
    it('stores and returns a body as sent, only trimmed: no escaping, no stripping', async () => {
      const group = await createGroup(t, alice, [bob]);
      const bobSocket = await socketOf(t, bob);
      const html = '<img src=x onerror=alert(1)>';
      const sent = await send(t, alice, group.id, `  ${html}\n`);
      expect(sent.body).toBe(html);
      expect((await bobSocket.waitFor('message:new', (m) => m.id === sent.id)).body).toBe(html);
      expect((await history(t, bob, group.id)).items.map((m) => m.body)).toEqual([html]);
      expect((await storedMessages(t, group.id)).map((m) => m.body)).toEqual([html]);

      const tricky = `<script>alert("x")</script> & 'quotes' é 🚒 \\ %`;
      const aliceSocket = await socketOf(t, alice);
      const viaSocket = await aliceSocket.ok('message:send', {
        conversationId: group.id,
        clientMessageId: randomUUID(),
        body: tricky,
      });
      expect(viaSocket.body).toBe(tricky);
      expect((await history(t, bob, group.id)).items.map((m) => m.body)).toEqual([html, tricky]);
    });
  });

  describe('idempotent send', () => {
    it('makes one message of the same clientMessageId sent over the socket, then over REST', async () => {
      const group = await createGroup(t, alice, [bob]);
      const aliceSocket = await socketOf(t, alice);
      const clientMessageId = randomUUID();
      const first = await aliceSocket.ok('message:send', {
        conversationId: group.id,
        clientMessageId,
        body: 'une fois',
      });
      const retry = await send(t, alice, group.id, 'une fois', clientMessageId);
      expect(retry).toEqual(first);
      expect(first.seq).toBe(1);
      expect(await storedMessages(t, group.id)).toHaveLength(1);
      expect(await lastSeqOf(t, group.id)).toBe(1);
    });

    it('refuses the same clientMessageId with another body (409 / conflict) and stores nothing', async () => {
      const group = await createGroup(t, alice, [bob]);
      const aliceSocket = await socketOf(t, alice);
      const clientMessageId = randomUUID();
      await send(t, alice, group.id, 'original', clientMessageId);
      await as(t, alice)
        .post(`/api/conversations/${group.id}/messages`)
        .send({ body: 'autre', clientMessageId })
        .expect(409);
      const ack = await aliceSocket.emit('message:send', {
        conversationId: group.id,
        clientMessageId,
        body: 'autre',
      });
      expect(ack).toEqual({ ok: false, error: { code: 'conflict', message: expect.any(String) } });
      expect((await storedMessages(t, group.id)).map((m) => m.body)).toEqual(['original']);
    });

    it('makes one message of 5 identical sends at once, with no seq gap after it', async () => {
      const group = await createGroup(t, alice, [bob]);
      const sockets = await Promise.all([socketOf(t, alice), socketOf(t, alice)]);
      const clientMessageId = randomUUID();
      const input = { conversationId: group.id, clientMessageId, body: 'en double' };
      const results = await Promise.all([
        send(t, alice, group.id, 'en double', clientMessageId),
        send(t, alice, group.id, 'en double', clientMessageId),
        send(t, alice, group.id, 'en double', clientMessageId),
        sockets[0]!.ok('message:send', input),
        sockets[1]!.ok('message:send', input),
      ]);
      expect(new Set(results.map((m) => m.id)).size).toBe(1);
      expect(results.map((m) => m.seq)).toEqual([1, 1, 1, 1, 1]);
      expect(await storedMessages(t, group.id)).toHaveLength(1);

      const next = await send(t, bob, group.id, 'la suite');
      expect(next.seq).toBe(2);
      expect((await storedMessages(t, group.id)).map((m) => m.seq)).toEqual([1, 2]);
      expect(await lastSeqOf(t, group.id)).toBe(2);
    });
  });

  describe('read watermarks', () => {
    it('counts unread as lastSeq - lastReadSeq; sending marks your own conversation read', async () => {
      const group = await createGroup(t, alice, [bob, carol]);
      for (const body of ['un', 'deux', 'trois']) await send(t, alice, group.id, body);
      expect(await inList(alice, group.id)).toMatchObject({
        lastSeq: 3,
        lastReadSeq: 3,
        unreadCount: 0,
      });
      expect(await inList(bob, group.id)).toMatchObject({
        lastSeq: 3,
        lastReadSeq: 0,
        unreadCount: 3,
      });

      await send(t, bob, group.id, 'quatre');
      expect(await inList(bob, group.id)).toMatchObject({
        lastSeq: 4,
        lastReadSeq: 4,
        unreadCount: 0,
      });
      expect(await inList(alice, group.id)).toMatchObject({
        lastSeq: 4,
        lastReadSeq: 3,
        unreadCount: 1,
      });
      expect(await inList(carol, group.id)).toMatchObject({
        lastSeq: 4,
        lastReadSeq: 0,
        unreadCount: 4,
      });
    });

    it('moves the watermark forward only, capped at the last message, and tells the members and the reader’s other tabs', async () => {
      const group = await createGroup(t, alice, [bob, carol]);
      for (const body of ['un', 'deux', 'trois']) await send(t, alice, group.id, body);
      const [aliceSocket, carolSocket, bobOtherTab] = await Promise.all([
        socketOf(t, alice),
        socketOf(t, carol),
        socketOf(t, bob),
      ]);
      const read = (seq: unknown) =>
        as(t, bob).post(`/api/conversations/${group.id}/read`).send({ seq });

      expect((await read(2).expect(200)).body).toEqual({
        conversationId: group.id,
        userId: bob.id,
        seq: 2,
      });
      const update = { conversationId: group.id, userId: bob.id, seq: 2 };
      expect(
        await aliceSocket.waitFor('read:updated', (r) => r.conversationId === group.id),
      ).toEqual(update);
      expect(
        await carolSocket.waitFor('read:updated', (r) => r.conversationId === group.id),
      ).toEqual(update);
      expect(
        await bobOtherTab.waitFor('read:updated', (r) => r.conversationId === group.id),
      ).toEqual(update);
      expect(await inList(bob, group.id)).toMatchObject({ lastReadSeq: 2, unreadCount: 1 });

      // Backwards: nothing moves, nobody is told.
      expect((await read(1).expect(200)).body.seq).toBe(2);
      expect((await read(0).expect(200)).body.seq).toBe(2);
      await aliceSocket.expectNone(
        'read:updated',
        (r) => r.conversationId === group.id && r.seq !== 2,
      );
      expect(await inList(bob, group.id)).toMatchObject({ lastReadSeq: 2, unreadCount: 1 });

      // Past the last message: capped at it.
      expect((await read(1000).expect(200)).body.seq).toBe(3);
      await aliceSocket.waitFor(
        'read:updated',
        (r) => r.conversationId === group.id && r.seq === 3,
      );
      expect(await inList(bob, group.id)).toMatchObject({ lastReadSeq: 3, unreadCount: 0 });
      // The read receipt ✓✓: everyone sees bob's watermark among the members.
      const members = (await conversationOf(t, alice, group.id)).members;
      expect(members.find((m) => m.id === bob.id)?.lastReadSeq).toBe(3);
      expect(members.find((m) => m.id === carol.id)?.lastReadSeq).toBe(0);
    });

    it('marks read over the socket, with the same rules', async () => {
      const group = await createGroup(t, alice, [bob]);
      for (const body of ['un', 'deux']) await send(t, alice, group.id, body);
      const [aliceSocket, bobSocket] = await Promise.all([socketOf(t, alice), socketOf(t, bob)]);
      expect(await bobSocket.ok('conversation:read', { conversationId: group.id, seq: 1 })).toEqual(
        { conversationId: group.id, userId: bob.id, seq: 1 },
      );
      await aliceSocket.waitFor(
        'read:updated',
        (r) => r.conversationId === group.id && r.userId === bob.id && r.seq === 1,
      );
      expect(
        (await bobSocket.ok('conversation:read', { conversationId: group.id, seq: 0 })).seq,
      ).toBe(1);
      expect(
        (await bobSocket.ok('conversation:read', { conversationId: group.id, seq: 50 })).seq,
      ).toBe(2);
      expect(await inList(bob, group.id)).toMatchObject({ lastReadSeq: 2, unreadCount: 0 });
    });
  });

  describe('edit and delete', () => {
    it('lets only the sender edit (403 for another member); message:updated reaches the members', async () => {
      const group = await createGroup(t, alice, [bob]);
      const message = await send(t, alice, group.id, 'premier jet');
      const [bobSocket, aliceSocket] = await Promise.all([socketOf(t, bob), socketOf(t, alice)]);
      const url = `/api/conversations/${group.id}/messages/${message.id}`;

      await as(t, bob).patch(url).send({ body: 'pas à toi' }).expect(403);
      const refused = await bobSocket.emit('message:edit', {
        conversationId: group.id,
        messageId: message.id,
        body: 'pas à toi',
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((await history(t, alice, group.id)).items[0]!.body).toBe('premier jet');

      const edited = (await as(t, alice).patch(url).send({ body: '  version finale ' }).expect(200))
        .body as MessageView;
      expect(edited).toMatchObject({
        id: message.id,
        seq: 1,
        body: 'version finale',
        editedAt: expect.any(String),
        deletedAt: null,
      });
      expect(await bobSocket.waitFor('message:updated', (m) => m.id === message.id)).toEqual(
        edited,
      );

      const again = await aliceSocket.ok('message:edit', {
        conversationId: group.id,
        messageId: message.id,
        body: 'encore',
      });
      expect(again.body).toBe('encore');
      await bobSocket.waitFor('message:updated', (m) => m.id === message.id && m.body === 'encore');
      expect((await history(t, bob, group.id)).items).toEqual([
        expect.objectContaining({ id: message.id, body: 'encore', editedAt: expect.any(String) }),
      ]);
      await as(t, alice).patch(url).send({ body: ' ' }).expect(400);
    });

    it('lets the sender or an admin delete (403 for another member); a deleted message keeps its seq and loses its body', async () => {
      const group = await createGroup(t, bob, [alice, carol]);
      const fromBob = await send(t, bob, group.id, 'de bob');
      const fromCarol = await send(t, carol, group.id, 'de carol');
      const last = await send(t, bob, group.id, 'dernier');
      const [aliceSocket, carolSocket] = await Promise.all([
        socketOf(t, alice),
        socketOf(t, carol),
      ]);
      const url = (m: MessageView) => `/api/conversations/${group.id}/messages/${m.id}`;

      // carol is a member, not the sender, not an admin.
      await as(t, carol).delete(url(fromBob)).expect(403);
      expect(
        await carolSocket.emit('message:delete', {
          conversationId: group.id,
          messageId: fromBob.id,
        }),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // The sender.
      const deleted = (await as(t, bob).delete(url(fromBob)).expect(200)).body as MessageView;
      expect(deleted).toMatchObject({
        id: fromBob.id,
        seq: 1,
        body: '',
        deletedAt: expect.any(String),
      });
      expect(await carolSocket.waitFor('message:deleted', (m) => m.id === fromBob.id)).toEqual(
        deleted,
      );
      // An admin (alice), who neither sent it nor created the group.
      const byAdmin = await aliceSocket.ok('message:delete', {
        conversationId: group.id,
        messageId: fromCarol.id,
      });
      expect(byAdmin).toMatchObject({ seq: 2, body: '', deletedAt: expect.any(String) });
      await carolSocket.waitFor('message:deleted', (m) => m.id === fromCarol.id);

      const page = await history(t, carol, group.id);
      expect(page.items.map((m) => [m.seq, m.body, m.deletedAt === null])).toEqual([
        [1, '', false],
        [2, '', false],
        [3, 'dernier', true],
      ]);
      expect(page.items[2]!.id).toBe(last.id);
      // Gone from the database too, not just hidden.
      expect((await storedMessages(t, group.id)).map((m) => m.body)).toEqual(['', '', 'dernier']);
      // A deleted message cannot be edited back.
      await as(t, bob).patch(url(fromBob)).send({ body: 'revenant' }).expect(409);
      // The next message takes the next seq: deleting leaves no gap and reuses nothing.
      expect((await send(t, carol, group.id, 'après')).seq).toBe(4);
    });

    it('answers 404 for a message of another conversation, even one the caller is in', async () => {
      const mine = await createGroup(t, alice, [bob]);
      const other = await createGroup(t, alice, [bob]);
      const message = await send(t, alice, other.id, 'ailleurs');
      await as(t, alice)
        .patch(`/api/conversations/${mine.id}/messages/${message.id}`)
        .send({ body: 'x' })
        .expect(404);
      await as(t, alice).delete(`/api/conversations/${mine.id}/messages/${message.id}`).expect(404);
      expect((await history(t, alice, other.id)).items[0]).toMatchObject({
        body: 'ailleurs',
        deletedAt: null,
        editedAt: null,
      });
    });
  });

  describe('history', () => {
    it('pages by seq with before, after, limit and hasMore, always ascending', async () => {
      const group = await createGroup(t, alice, [bob]);
      for (let i = 1; i <= 7; i++) await send(t, i % 2 ? alice : bob, group.id, `m${i}`);
      const seqs = async (query: Record<string, number>) => {
        const page = await history(t, bob, group.id, query);
        return { seqs: page.items.map((m) => m.seq), hasMore: page.hasMore };
      };
      expect(await seqs({})).toEqual({ seqs: [1, 2, 3, 4, 5, 6, 7], hasMore: false });
      expect(await seqs({ limit: 3 })).toEqual({ seqs: [5, 6, 7], hasMore: true });
      expect(await seqs({ before: 5, limit: 3 })).toEqual({ seqs: [2, 3, 4], hasMore: true });
      expect(await seqs({ before: 2, limit: 3 })).toEqual({ seqs: [1], hasMore: false });
      expect(await seqs({ after: 2, limit: 3 })).toEqual({ seqs: [3, 4, 5], hasMore: true });
      expect(await seqs({ after: 5, limit: 3 })).toEqual({ seqs: [6, 7], hasMore: false });
      expect(await seqs({ after: 7 })).toEqual({ seqs: [], hasMore: false });
      expect((await history(t, bob, group.id, { after: 0, limit: 1 })).items[0]!.body).toBe('m1');

      for (const query of [
        { limit: 0 },
        { limit: MESSAGING_LIMITS.messagePageMax + 1 },
        { before: 0 },
        { after: -1 },
      ]) {
        const res = await as(t, bob)
          .get(`/api/conversations/${group.id}/messages`)
          .query(query)
          .expect(400);
        expect(Object.keys(res.body.fields)).toEqual(Object.keys(query));
      }
      await as(t, bob)
        .get(`/api/conversations/${group.id}/messages`)
        .query({ limit: 'ten' })
        .expect(400);
    });
  });

  describe('bad input', () => {
    it('refuses a blank body and a body over 4,000 characters (400 naming body / bad_request) and stores nothing', async () => {
      const group = await createGroup(t, alice, [bob]);
      const aliceSocket = await socketOf(t, alice);
      const post = (body: unknown) =>
        as(t, alice)
          .post(`/api/conversations/${group.id}/messages`)
          .send({ body, clientMessageId: randomUUID() });
      // PostgreSQL text cannot hold NUL: refused up front, not a failed insert.
      for (const body of [
        '',
        '   \n\t ',
        'x'.repeat(MESSAGING_LIMITS.bodyMaxLength + 1),
        42,
        null,
        'a\u0000b',
      ]) {
        const res = await post(body).expect(400);
        expect(Object.keys(res.body.fields)).toEqual(['body']);
        const ack = await aliceSocket.emit('message:send', {
          conversationId: group.id,
          clientMessageId: randomUUID(),
          body,
        });
        expect(ack).toEqual({
          ok: false,
          error: {
            code: 'validation_failed',
            message: expect.stringContaining('body'),
            fields: { body: [expect.stringContaining('body')] },
          },
        });
      }
      expect(await storedMessages(t, group.id)).toEqual([]);
      expect(await lastSeqOf(t, group.id)).toBe(0);
      // The limit itself is accepted, and counts once trimmed.
      const longest = 'x'.repeat(MESSAGING_LIMITS.bodyMaxLength);
      expect((await post(`  ${longest}  `).expect(201)).body.body).toBe(longest);
    });

    it('answers a socket payload over 64 kB with payload_too_large, and keeps the connection', async () => {
      const group = await createGroup(t, alice, [bob]);
      const aliceSocket = await socketOf(t, alice);
      // Just over the limit, and far over it (the transport lets up to 1 MB through to be refused).
      for (const size of [MESSAGING_LIMITS.socketPayloadBytes + 1, 512 * 1024]) {
        const ack = await aliceSocket.emit('message:send', {
          conversationId: group.id,
          clientMessageId: randomUUID(),
          body: 'x'.repeat(size),
        });
        expect(ack).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
        expect(aliceSocket.connected).toBe(true);
      }
      expect(await storedMessages(t, group.id)).toEqual([]);
      const later = await aliceSocket.ok('message:send', {
        conversationId: group.id,
        clientMessageId: randomUUID(),
        body: 'toujours là',
      });
      expect(later.seq).toBe(1);
    });

    it('answers wrong types and extra fields with 400 naming the field, never a 500', async () => {
      const group = await createGroup(t, alice, [bob]);
      await send(t, alice, group.id, 'un');
      const base = `/api/conversations/${group.id}`;
      const cases: [string, () => ReturnType<ReturnType<typeof as>['get']>, string][] = [
        ['seq as a string', () => as(t, bob).post(`${base}/read`).send({ seq: '1' }), 'seq'],
        ['seq not an integer', () => as(t, bob).post(`${base}/read`).send({ seq: 1.5 }), 'seq'],
        ['seq negative', () => as(t, bob).post(`${base}/read`).send({ seq: -1 }), 'seq'],
        ['seq past any bigint', () => as(t, bob).post(`${base}/read`).send({ seq: 1e20 }), 'seq'],
        [
          'before past any bigint',
          () => as(t, bob).get(`${base}/messages`).query({ before: '1e20' }),
          'before',
        ],
        [
          'after past any bigint',
          () => as(t, bob).get(`${base}/messages`).query({ after: '99999999999999999999' }),
          'after',
        ],
        [
          'an extra field on read',
          () => as(t, bob).post(`${base}/read`).send({ seq: 1, userId: alice.id }),
          'userId',
        ],
        [
          'an extra field on send',
          () =>
            as(t, bob)
              .post(`${base}/messages`)
              .send({ body: 'x', clientMessageId: randomUUID(), senderId: alice.id }),
          'senderId',
        ],
        [
          'a clientMessageId that is not an id',
          () => as(t, bob).post(`${base}/messages`).send({ body: 'x', clientMessageId: 'a b' }),
          'clientMessageId',
        ],
        [
          'no clientMessageId',
          () => as(t, bob).post(`${base}/messages`).send({ body: 'x' }),
          'clientMessageId',
        ],
        [
          'memberIds not uuids',
          () =>
            as(t, bob)
              .post(`${base}/members`)
              .send({ userIds: ['bob'] }),
          'userIds',
        ],
        ['a title that is not a string', () => as(t, bob).patch(base).send({ title: 42 }), 'title'],
      ];
      for (const [name, call, field] of cases) {
        const res = await call();
        expect({ name, status: res.status, fields: Object.keys(res.body.fields ?? {}) }).toEqual({
          name,
          status: 400,
          fields: [field],
        });
      }
      for (const url of [
        '/api/conversations/not-a-uuid',
        '/api/conversations/not-a-uuid/messages',
      ]) {
        const res = await as(t, bob).get(url);
        expect([url, res.status]).toEqual([url, 400]);
      }
      await as(t, bob).patch(`${base}/messages/not-a-uuid`).send({ body: 'x' }).expect(400);
      expect(await storedMessages(t, group.id)).toHaveLength(1);
    });

    it('answers wrong socket payloads with validation_failed, never internal, never a dropped connection', async () => {
      const group = await createGroup(t, alice, [bob]);
      const message = await send(t, alice, group.id, 'un');
      const bobSocket = await socketOf(t, bob);
      const cases: [string, Parameters<typeof bobSocket.emit>][] = [
        ['seq as a string', ['conversation:read', { conversationId: group.id, seq: '1' }]],
        ['conversationId not a uuid', ['conversation:read', { conversationId: 'general', seq: 1 }]],
        [
          'an extra field',
          [
            'message:send',
            {
              conversationId: group.id,
              clientMessageId: randomUUID(),
              body: 'x',
              senderId: alice.id,
            },
          ],
        ],
        ['no conversationId', ['message:send', { clientMessageId: randomUUID(), body: 'x' }]],
        ['a string payload', ['message:send', 'hello']],
        ['a null payload', ['message:send', null]],
        ['an array payload', ['message:edit', [group.id, message.id, 'x']]],
        ['messageId not a uuid', ['message:delete', { conversationId: group.id, messageId: 1 }]],
        ['typing not a boolean', ['typing', { conversationId: group.id, typing: 'yes' }]],
        ['sync without cursors', ['sync', {}]],
        ['sync cursors as an array', ['sync', { cursors: [group.id] }]],
        ['sync seq as a string', ['sync', { cursors: { [group.id]: '0' } }]],
        ['sync seq negative', ['sync', { cursors: { [group.id]: -1 } }]],
        ['sync key not a uuid', ['sync', { cursors: { general: 0 } }]],
        ['seq past any bigint', ['conversation:read', { conversationId: group.id, seq: 1e20 }]],
        ['sync seq past any bigint', ['sync', { cursors: { [group.id]: 1e20 } }]],
        [
          'a NUL in the body',
          [
            'message:send',
            { conversationId: group.id, clientMessageId: randomUUID(), body: 'a\u0000b' },
          ],
        ],
      ];
      for (const [name, [event, payload]] of cases) {
        const ack = await bobSocket.emit(event, payload);
        expect({ name, ack }).toEqual({
          name,
          ack: {
            ok: false,
            error: {
              code: 'validation_failed',
              message: expect.any(String),
              fields: expect.any(Object),
            },
          },
        });
      }
      expect(bobSocket.connected).toBe(true);
      expect(
        (
          await bobSocket.ok('message:send', {
            conversationId: group.id,
            clientMessageId: randomUUID(),
            body: 'ça marche',
          })
        ).seq,
      ).toBe(2);
      expect(await storedMessages(t, group.id)).toHaveLength(2);
    });
  });
});

describe('send rate limit', () => {
  let t: TestApp;
  let erin: Person;
  let frank: Person;

  beforeAll(async () => {
    t = await startApp({ MESSAGE_RATE_LIMIT: '5', MESSAGE_RATE_WINDOW: '60' });
    // People of their own: their counters in Redis start at zero.
    [erin, frank] = (await freshTenant(t, 'Erin Admin', 'Frank Member')) as [Person, Person];
  });
  afterEach(() => closeSockets());
  afterAll(() => t.close());

  it('answers 429 / rate_limited past the limit, per user, and stores nothing more', async () => {
    const group = await createGroup(t, erin, [frank]);
    const erinSocket = await socketOf(t, erin);
    const sent: MessageView[] = [];
    for (let i = 1; i <= 3; i++) sent.push(await send(t, erin, group.id, `rest ${i}`));
    for (let i = 4; i <= 5; i++)
      sent.push(
        await erinSocket.ok('message:send', {
          conversationId: group.id,
          clientMessageId: randomUUID(),
          body: `socket ${i}`,
        }),
      );

    const refused = await as(t, erin)
      .post(`/api/conversations/${group.id}/messages`)
      .send({ body: 'de trop', clientMessageId: randomUUID() })
      .expect(429);
    expect(refused.body.message).toMatch(/too fast/);
    const ack = await erinSocket.emit('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: 'de trop',
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(erinSocket.connected).toBe(true);
    expect((await storedMessages(t, group.id)).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);

    // A retry of a message already sent is not a new send: it still gets its original back.
    expect(await send(t, erin, group.id, 'rest 1', sent[0]!.clientMessageId)).toEqual(sent[0]);
    // The limit is per user: frank is not held back by erin.
    expect((await send(t, frank, group.id, 'moi je peux')).seq).toBe(6);
  });
});

describe('socket event flood', () => {
  let t: TestApp;
  let erin: Person;
  let frank: Person;

  beforeAll(async () => {
    t = await startApp({ SOCKET_EVENT_LIMIT: '10', SOCKET_EVENT_WINDOW: '60' });
    [erin, frank] = (await freshTenant(t, 'Erin Admin', 'Frank Member')) as [Person, Person];
  });
  afterEach(() => closeSockets());
  afterAll(() => t.close());

  it('answers rate_limited past the events one socket may emit, keeps it open, and spares the others', async () => {
    const group = await createGroup(t, erin, [frank]);
    const flooding = await socketOf(t, erin);
    const acks = [];
    for (let i = 0; i < 12; i++)
      acks.push(await flooding.emit('sync', { cursors: { [group.id]: 0 } }));
    expect(acks.slice(0, 10).every((ack) => ack.ok)).toBe(true);
    expect(acks.slice(10)).toEqual([
      {
        ok: false,
        error: {
          code: 'rate_limited',
          message: expect.any(String),
          retryAfterSeconds: expect.any(Number),
        },
      },
      {
        ok: false,
        error: {
          code: 'rate_limited',
          message: expect.any(String),
          retryAfterSeconds: expect.any(Number),
        },
      },
    ]);
    expect(flooding.connected).toBe(true);

    const otherTab = await socketOf(t, erin);
    expect((await otherTab.emit('sync', { cursors: { [group.id]: 0 } })).ok).toBe(true);
  });
});
