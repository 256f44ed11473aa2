import type { ConversationView, MessageView } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import type { TestApp } from './app';
import { ownerQuery } from './db-state';
import {
  as,
  createGroup,
  demoSuite,
  freshTenant,
  SEND_FREELY,
  send,
  socketOf,
  storedMessages,
  type DemoPeople,
} from './messaging';

/**
 * Issue 6.1: an id is the same id whatever its case. Every route and socket event is run with the
 * ids as the server gave them (lower case), then upper case, then mixed case: the outcome a user
 * sees must not differ.
 */
const SPELLINGS: [string, (id: string) => string][] = [
  ['lower case', (id) => id],
  ['upper case', (id) => id.toUpperCase()],
  ['mixed case', (id) => [...id].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('')],
];

let s: DemoPeople & { t: TestApp };
demoSuite(SEND_FREELY, (suite) => (s = suite));

describe.each(SPELLINGS)('ids in %s', (_, spell) => {
  it('DELETE .../members/:userId closes the room: conversation:removed reaches the removed member, then nothing more', async () => {
    const { t, alice, bob, carol } = s;
    const group = await createGroup(t, alice, [bob, carol]);
    const [bobSocket, carolSocket] = await Promise.all([socketOf(t, bob), socketOf(t, carol)]);
    await as(t, alice)
      .delete(`/api/conversations/${spell(group.id)}/members/${spell(carol.id)}`)
      .expect(204);
    expect(await carolSocket.waitFor('conversation:removed')).toEqual({ conversationId: group.id });
    await as(t, carol).get(`/api/conversations/${group.id}`).expect(404);

    await send(t, alice, group.id, 'après le départ');
    await bobSocket.ok('typing', { conversationId: group.id, typing: true });
    await bobSocket.waitFor('message:new', (m) => m.body === 'après le départ');
    await carolSocket.expectNoneSoFar('message:new', (m) => m.conversationId === group.id);
    await carolSocket.expectNoneSoFar('typing', (u) => u.conversationId === group.id);
  });

  it('leaving (your own id in the route) closes the room as well', async () => {
    const { t, alice, bob, carol } = s;
    const group = await createGroup(t, alice, [bob, carol]);
    const carolSocket = await socketOf(t, carol);
    await as(t, carol)
      .delete(`/api/conversations/${spell(group.id)}/members/${spell(carol.id)}`)
      .expect(204);
    expect(await carolSocket.waitFor('conversation:removed')).toEqual({ conversationId: group.id });
    await send(t, bob, group.id, 'elle est partie');
    await carolSocket.expectNoneSoFar('message:new', (m) => m.conversationId === group.id);
  });

  it('REST send, edit, read and delete through the id reach the members live, with canonical ids', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    const [aliceSocket, bobSocket] = await Promise.all([socketOf(t, alice), socketOf(t, bob)]);
    const base = `/api/conversations/${spell(group.id)}`;

    const sent: MessageView = (
      await as(t, alice)
        .post(`${base}/messages`)
        .send({ body: 'un', clientMessageId: randomUUID() })
        .expect(201)
    ).body;
    expect(sent.conversationId).toBe(group.id);
    expect(await bobSocket.waitFor('message:new', (m) => m.id === sent.id)).toEqual(sent);

    const edited: MessageView = (
      await as(t, alice)
        .patch(`${base}/messages/${spell(sent.id)}`)
        .send({ body: 'deux' })
        .expect(200)
    ).body;
    expect(edited).toMatchObject({ id: sent.id, conversationId: group.id, body: 'deux' });
    expect(await bobSocket.waitFor('message:updated', (m) => m.id === sent.id)).toEqual(edited);

    const read = (await as(t, bob).post(`${base}/read`).send({ seq: 1 }).expect(200)).body;
    expect(read).toEqual({ conversationId: group.id, userId: bob.id, seq: 1 });
    expect(await aliceSocket.waitFor('read:updated', (r) => r.userId === bob.id)).toEqual(read);

    const deleted: MessageView = (
      await as(t, alice)
        .delete(`${base}/messages/${spell(sent.id)}`)
        .expect(200)
    ).body;
    expect(deleted).toMatchObject({ id: sent.id, conversationId: group.id, body: '' });
    expect(await bobSocket.waitFor('message:deleted', (m) => m.id === sent.id)).toEqual(deleted);

    const page = (await as(t, bob).get(`${base}/messages`).expect(200)).body;
    expect(page.items.map((m: MessageView) => [m.id, m.conversationId])).toEqual([
      [sent.id, group.id],
    ]);
  });

  it('socket send, edit, read, typing and delete with the ids reach the members live', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    const [aliceSocket, bobSocket] = await Promise.all([socketOf(t, alice), socketOf(t, bob)]);
    const conversationId = spell(group.id);

    await aliceSocket.ok('typing', { conversationId, typing: true });
    expect(await bobSocket.waitFor('typing', (u) => u.typing)).toEqual({
      conversationId: group.id,
      userId: alice.id,
      typing: true,
    });
    await aliceSocket.ok('typing', { conversationId, typing: false });
    await bobSocket.waitFor('typing', (u) => !u.typing && u.conversationId === group.id);

    const sent = await aliceSocket.ok('message:send', {
      conversationId,
      clientMessageId: randomUUID(),
      body: 'un',
    });
    expect(sent.conversationId).toBe(group.id);
    expect(await bobSocket.waitFor('message:new', (m) => m.id === sent.id)).toEqual(sent);

    const messageId = spell(sent.id);
    const edited = await aliceSocket.ok('message:edit', {
      conversationId,
      messageId,
      body: 'deux',
    });
    expect(await bobSocket.waitFor('message:updated', (m) => m.id === sent.id)).toEqual(edited);

    const read = await bobSocket.ok('conversation:read', { conversationId, seq: 1 });
    expect(read).toEqual({ conversationId: group.id, userId: bob.id, seq: 1 });
    expect(await aliceSocket.waitFor('read:updated', (r) => r.userId === bob.id)).toEqual(read);

    const deleted = await aliceSocket.ok('message:delete', { conversationId, messageId });
    expect(await bobSocket.waitFor('message:deleted', (m) => m.id === sent.id)).toEqual(deleted);
  });

  it('GET, PATCH and POST .../members answer as with lower case and announce the change', async () => {
    const { t, alice, bob, carol } = s;
    const group = await createGroup(t, alice, [bob]);
    const [bobSocket, carolSocket] = await Promise.all([socketOf(t, bob), socketOf(t, carol)]);
    const url = `/api/conversations/${spell(group.id)}`;

    expect((await as(t, bob).get(url).expect(200)).body).toMatchObject({ id: group.id });

    const renamed = await as(t, alice).patch(url).send({ title: 'Renommé' }).expect(200);
    expect(renamed.body).toMatchObject({ id: group.id, title: 'Renommé' });
    await bobSocket.waitFor('conversation:updated', (c) => c.title === 'Renommé');

    const added = await as(t, alice)
      .post(`${url}/members`)
      .send({ userIds: [spell(carol.id)] })
      .expect(201);
    expect(added.body.id).toBe(group.id);
    expect(added.body.members.map((m: { id: string }) => m.id).sort()).toEqual(
      [alice.id, bob.id, carol.id].sort(),
    );
    expect((await carolSocket.waitFor('conversation:new', (c) => c.id === group.id)).id).toBe(
      group.id,
    );
    // Carol's socket was joined to the room: she hears the group from now on.
    await send(t, bob, group.id, 'bienvenue');
    await carolSocket.waitFor('message:new', (m) => m.body === 'bienvenue');
  });

  it('a retried send through the id returns the original message (REST and socket), not a 409', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    const clientMessageId = randomUUID();
    const original = await send(t, alice, group.id, 'une seule fois', clientMessageId);
    const retry = await as(t, alice)
      .post(`/api/conversations/${spell(group.id)}/messages`)
      .send({ body: 'une seule fois', clientMessageId })
      .expect(201);
    expect(retry.body).toEqual(original);
    const aliceSocket = await socketOf(t, alice);
    const socketRetry = await aliceSocket.ok('message:send', {
      conversationId: spell(group.id),
      clientMessageId,
      body: 'une seule fois',
    });
    expect(socketRetry).toEqual(original);
    expect(await storedMessages(t, group.id)).toHaveLength(1);
  });

  it('sync keyed by the id honours its cursor and answers under the canonical id', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    for (const body of ['un', 'deux', 'trois']) await send(t, alice, group.id, body);
    const bobSocket = await socketOf(t, bob);
    const result = await bobSocket.ok('sync', { cursors: { [spell(group.id)]: 2 } });
    expect(Object.keys(result.conversations)).toEqual([group.id]);
    expect(result.conversations[group.id]!.items.map((m) => m.body)).toEqual(['trois']);
  });

  it('memberIds in any case: one direct conversation per pair, and yourself is never added twice', async () => {
    const { t } = s;
    const [ann, ben] = await freshTenant(t, 'Ann Aubert', 'Ben Bodin');
    const open = (memberIds: string[], kind = 'direct') =>
      as(t, ann!).post('/api/conversations').send({ kind, title: 'Garde', memberIds });
    const first = await open([spell(ben!.id)]).expect(201);
    expect(first.body.members.map((m: { id: string }) => m.id).sort()).toEqual(
      [ann!.id, ben!.id].sort(),
    );
    for (const id of [ben!.id, ben!.id.toUpperCase(), spell(ben!.id)])
      expect((await open([id]).expect(200)).body.id).toBe(first.body.id);

    const group = await open([spell(ben!.id), spell(ann!.id)], 'group').expect(201);
    expect(group.body.members.map((m: { id: string }) => m.id).sort()).toEqual(
      [ann!.id, ben!.id].sort(),
    );
    const [{ count }] = await ownerQuery(
      `SELECT count(*)::int AS count FROM conversations WHERE tenant_id = $1`,
      [ann!.tenantId],
    );
    expect(count).toBe(2);
  });

  it('search and list cursors take the id in any case', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    const word = `canonique${randomUUID().slice(0, 6)}`;
    await send(t, alice, group.id, `message ${word}`);
    const hits = await as(t, bob)
      .get('/api/search/messages')
      .query({ q: word, conversationId: spell(group.id) })
      .expect(200);
    expect(hits.body.items.map((h: { conversation: { id: string } }) => h.conversation.id)).toEqual(
      [group.id],
    );

    const first = await as(t, bob).get('/api/conversations').query({ limit: 1 }).expect(200);
    const [key, id] = JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString());
    const spelled = Buffer.from(JSON.stringify([key, spell(id)])).toString('base64url');
    const next = (cursor: string) =>
      as(t, bob).get('/api/conversations').query({ limit: 1, cursor }).expect(200);
    const ids = (res: { body: { items: ConversationView[] } }) => res.body.items.map((c) => c.id);
    expect(ids(await next(spelled))).toEqual(ids(await next(first.body.nextCursor)));
  });
});

describe('ids that are not UUIDs', () => {
  it('answer 400 naming the route param, whatever the route', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    const message = await send(t, alice, group.id, 'un');
    const base = `/api/conversations/${group.id}`;
    const cases: [string, () => ReturnType<ReturnType<typeof as>['get']>, string][] = [
      ['GET conversation', () => as(t, alice).get('/api/conversations/nope'), 'id'],
      [
        'PATCH conversation',
        () => as(t, alice).patch('/api/conversations/nope').send({ title: 'x' }),
        'id',
      ],
      ['GET messages', () => as(t, alice).get('/api/conversations/nope/messages'), 'id'],
      ['DELETE member', () => as(t, alice).delete(`${base}/members/nope`), 'userId'],
      [
        'PATCH message',
        () => as(t, alice).patch(`${base}/messages/nope`).send({ body: 'x' }),
        'messageId',
      ],
      ['DELETE message', () => as(t, alice).delete(`${base}/messages/${message.id}x`), 'messageId'],
    ];
    for (const [name, call, field] of cases) {
      const res = await call();
      expect({ name, status: res.status, fields: res.body.fields }).toEqual({
        name,
        status: 400,
        fields: { [field]: [`${field} must be a UUID`] },
      });
    }
  });

  it('sync with two spellings of one id keeps the lower cursor (resends more, never less)', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    for (const body of ['un', 'deux', 'trois']) await send(t, alice, group.id, body);
    const bobSocket = await socketOf(t, bob);
    const result = await bobSocket.ok('sync', {
      cursors: { [group.id]: 3, [group.id.toUpperCase()]: 1 },
    });
    expect(result.conversations[group.id]!.items.map((m) => m.body)).toEqual(['deux', 'trois']);
  });
});
