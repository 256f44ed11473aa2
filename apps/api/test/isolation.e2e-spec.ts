import type { ConversationView, MessageView, Page, SearchPage } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from './app';
import {
  A_UUID,
  as,
  conversationOf,
  createGroup,
  freshTenant,
  history,
  send,
  signIn,
  socketOf,
  storedMessages,
  type Person,
} from './messaging';
import { closeSockets, type TestSocket } from './sockets';

/**
 * Tenant isolation: a conversation of another tenant, or one the caller is not a member of,
 * answers exactly as one that does not exist, changes nothing, and sends its events to nobody else.
 */
describe('tenant and membership isolation', () => {
  let t: TestApp;
  let alice: Person;
  let bob: Person;
  /** Same tenant as alice and bob, not a member of their group. */
  let carol: Person;
  /** Another tenant. */
  let dave: Person;
  /** Another tenant with a group of its own. */
  let erin: Person;

  let group: ConversationView;
  let message: MessageView;
  let foreign: ConversationView;
  let foreignMessage: MessageView;
  const word = `zorglub${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    t = await startApp({ MESSAGE_RATE_LIMIT: '100000' });
    ({ alice, bob, carol, dave } = await signIn(t));
    let frank: Person;
    [erin, frank] = (await freshTenant(t, 'Erin Admin', 'Frank Member')) as [Person, Person];
    group = await createGroup(t, alice, [bob], 'Secret de groupe');
    message = await send(t, alice, group.id, `Message ${word} du groupe`);
    foreign = await createGroup(t, erin, [frank], 'Autre service');
    foreignMessage = await send(t, erin, foreign.id, `Message ${word} étranger`);
  });
  afterEach(() => closeSockets());
  afterAll(() => t.close());

  /** What the group looks like from inside, to prove an outsider's attempt changed nothing. */
  const snapshot = async () => ({
    conversation: await conversationOf(t, alice, group.id),
    messages: await history(t, alice, group.id),
    stored: await storedMessages(t, group.id),
  });

  describe('REST', () => {
    const routes = (conversationId: string, messageId: string, memberId: string, self: Person) =>
      [
        [
          'GET conversation',
          (who: Person) => as(t, who).get(`/api/conversations/${conversationId}`),
        ],
        [
          'PATCH conversation',
          (who: Person) =>
            as(t, who).patch(`/api/conversations/${conversationId}`).send({ title: 'Piraté' }),
        ],
        [
          'POST members (themselves)',
          (who: Person) =>
            as(t, who)
              .post(`/api/conversations/${conversationId}/members`)
              .send({ userIds: [self.id] }),
        ],
        [
          'DELETE a member',
          (who: Person) =>
            as(t, who).delete(`/api/conversations/${conversationId}/members/${memberId}`),
        ],
        [
          'DELETE themselves',
          (who: Person) =>
            as(t, who).delete(`/api/conversations/${conversationId}/members/${self.id}`),
        ],
        [
          'GET messages',
          (who: Person) => as(t, who).get(`/api/conversations/${conversationId}/messages`),
        ],
        [
          'POST message',
          (who: Person) =>
            as(t, who)
              .post(`/api/conversations/${conversationId}/messages`)
              .send({ body: 'intrus', clientMessageId: randomUUID() }),
        ],
        [
          'PATCH message',
          (who: Person) =>
            as(t, who)
              .patch(`/api/conversations/${conversationId}/messages/${messageId}`)
              .send({ body: 'modifié' }),
        ],
        [
          'DELETE message',
          (who: Person) =>
            as(t, who).delete(`/api/conversations/${conversationId}/messages/${messageId}`),
        ],
        [
          'POST read',
          (who: Person) =>
            as(t, who).post(`/api/conversations/${conversationId}/read`).send({ seq: 1 }),
        ],
      ] as const;

    it.each([
      ['a member of the same tenant who is not in the group', () => carol],
      ['an admin of another tenant', () => dave],
    ])(
      'answers 404 on every conversation route to %s, and changes nothing',
      async (_name, outsider) => {
        const who = outsider();
        const before = await snapshot();
        // The answer for an id that does not exist at all: an outsider must get exactly this.
        const unknown = (await as(t, who).get(`/api/conversations/${A_UUID}`).expect(404)).body;
        for (const [route, call] of routes(group.id, message.id, bob.id, who)) {
          const res = await call(who);
          expect({ route, status: res.status, body: res.body }).toEqual({
            route,
            status: 404,
            body: expect.objectContaining({ statusCode: 404 }),
          });
          if (route === 'GET conversation') expect(res.body).toEqual(unknown);
        }
        expect(await snapshot()).toEqual(before);
        const listed = (await as(t, who).get('/api/conversations').expect(200))
          .body as Page<ConversationView>;
        expect(listed.items.map((c) => c.id)).not.toContain(group.id);
      },
    );

    it('answers 404 to a member reaching into another tenant’s conversation, with ids of their own', async () => {
      const before = await storedMessages(t, foreign.id);
      for (const [route, call] of routes(foreign.id, foreignMessage.id, erin.id, alice)) {
        const res = await call(alice);
        expect({ route, status: res.status }).toEqual({ route, status: 404 });
      }
      expect(await storedMessages(t, foreign.id)).toEqual(before);
      expect((await conversationOf(t, erin, foreign.id)).title).toBe('Autre service');
      // Mixing: alice's own conversation, another tenant's message.
      await as(t, alice)
        .patch(`/api/conversations/${group.id}/messages/${foreignMessage.id}`)
        .send({ body: 'x' })
        .expect(404);
      await as(t, alice)
        .delete(`/api/conversations/${group.id}/messages/${foreignMessage.id}`)
        .expect(404);
      expect((await storedMessages(t, foreign.id)).map((m) => m.body)).toEqual([
        foreignMessage.body,
      ]);
    });

    it('answers 404 for people of another tenant: in a new conversation or added to a group, and creates nothing', async () => {
      const title = `Avec dave ${randomUUID().slice(0, 8)}`;
      await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'group', title, memberIds: [bob.id, dave.id] })
        .expect(404);
      await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'direct', memberIds: [dave.id] })
        .expect(404);
      await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'direct', memberIds: [erin.id] })
        .expect(404);
      expect(await t.db.query(`SELECT id FROM conversations WHERE title = $1`, [title])).toEqual(
        [],
      );
      expect(
        await t.db.query(`SELECT 1 FROM conversation_members WHERE user_id = $1`, [dave.id]),
      ).toEqual([]);

      const res = await as(t, alice)
        .post(`/api/conversations/${group.id}/members`)
        .send({ userIds: [carol.id, dave.id] })
        .expect(404);
      expect(res.body).toEqual(
        (
          await as(t, alice)
            .post(`/api/conversations/${group.id}/members`)
            .send({ userIds: [A_UUID] })
            .expect(404)
        ).body,
      );
      // All or nothing: carol (valid) was not added either.
      expect((await conversationOf(t, alice, group.id)).members.map((m) => m.id).sort()).toEqual(
        [alice.id, bob.id].sort(),
      );
      // Nor can alice remove someone of another tenant from a group there.
      await as(t, alice).delete(`/api/conversations/${group.id}/members/${dave.id}`).expect(404);
    });

    it('never finds another tenant’s or a non-member’s message in search', async () => {
      const search = async (who: Person, query: Record<string, string>) =>
        (
          (await as(t, who).get('/api/search/messages').query(query).expect(200)).body as SearchPage
        ).items.map((hit) => hit.message.id);
      expect(await search(alice, { q: word })).toEqual([message.id]);
      expect(await search(erin, { q: word })).toEqual([foreignMessage.id]);
      expect(await search(carol, { q: word })).toEqual([]);
      expect(await search(dave, { q: word })).toEqual([]);
      // Naming the conversation does not open it.
      expect(await search(carol, { q: word, conversationId: group.id })).toEqual([]);
      expect(await search(dave, { q: word, conversationId: group.id })).toEqual([]);
      expect(await search(alice, { q: word, conversationId: foreign.id })).toEqual([]);
    });
  });

  describe('sockets', () => {
    it.each([
      ['a member of the same tenant who is not in the group', () => carol],
      ['an admin of another tenant', () => dave],
    ])('acks not_found on every event to %s, and changes nothing', async (_name, outsider) => {
      const who = outsider();
      const socket = await socketOf(t, who);
      const before = await snapshot();
      const notFound = { ok: false, error: { code: 'not_found', message: expect.any(String) } };
      const attempts = [
        [
          'message:send',
          { conversationId: group.id, clientMessageId: randomUUID(), body: 'intrus' },
        ],
        ['message:edit', { conversationId: group.id, messageId: message.id, body: 'modifié' }],
        ['message:delete', { conversationId: group.id, messageId: message.id }],
        ['conversation:read', { conversationId: group.id, seq: 1 }],
        ['typing', { conversationId: group.id, typing: true }],
      ] as const;
      for (const [event, input] of attempts) {
        expect({ event, ack: await socket.emit(event, input) }).toEqual({ event, ack: notFound });
      }
      // sync leaves the conversation out, exactly as an unknown one.
      expect(await socket.ok('sync', { cursors: { [group.id]: 0, [A_UUID]: 0 } })).toEqual({
        conversations: {},
      });
      expect(await snapshot()).toEqual(before);
      expect(socket.connected).toBe(true);
    });

    it('never sends a conversation’s events to non-members, of the tenant or not', async () => {
      const scratch = await createGroup(t, alice, [bob], 'Éphémère');
      const [aliceSocket, bobSocket, carolSocket, daveSocket, erinSocket] = await Promise.all([
        socketOf(t, alice),
        socketOf(t, bob),
        socketOf(t, carol),
        socketOf(t, dave),
        socketOf(t, erin),
      ]);
      const inScratch = (e: { conversationId?: string; id?: string }) =>
        e.conversationId === scratch.id || e.id === scratch.id;

      // Every kind of conversation event, each seen by a member so that we know it was sent.
      const sent = await aliceSocket.ok('message:send', {
        conversationId: scratch.id,
        clientMessageId: randomUUID(),
        body: 'secret',
      });
      await bobSocket.waitFor('message:new', (m) => m.id === sent.id);
      await aliceSocket.ok('message:edit', {
        conversationId: scratch.id,
        messageId: sent.id,
        body: 'secret modifié',
      });
      await bobSocket.waitFor('message:updated', (m) => m.id === sent.id);
      await bobSocket.ok('conversation:read', { conversationId: scratch.id, seq: 1 });
      await aliceSocket.waitFor('read:updated', inScratch);
      await aliceSocket.ok('typing', { conversationId: scratch.id, typing: true });
      await bobSocket.waitFor('typing', inScratch);
      await aliceSocket.ok('typing', { conversationId: scratch.id, typing: false });
      await bobSocket.waitFor('typing', (e) => inScratch(e) && !e.typing);
      await aliceSocket.ok('message:delete', { conversationId: scratch.id, messageId: sent.id });
      await bobSocket.waitFor('message:deleted', (m) => m.id === sent.id);
      await as(t, bob)
        .patch(`/api/conversations/${scratch.id}`)
        .send({ title: 'Renommé' })
        .expect(200);
      await aliceSocket.waitFor('conversation:updated', inScratch);

      for (const outsider of [carolSocket, daveSocket, erinSocket]) {
        await outsider.settle();
        const leaked = outsider.received.filter((r) =>
          JSON.stringify(r.payload).includes(scratch.id),
        );
        expect(leaked).toEqual([]);
      }
      // The other tenants heard nothing of tenant demo at all, presence included.
      expectNothingAbout(daveSocket, [alice, bob, carol]);
      expectNothingAbout(erinSocket, [alice, bob, carol]);
    });
  });
});

function expectNothingAbout(socket: TestSocket, people: Person[]) {
  const leaked = socket.received.filter((r) =>
    people.some((p) => JSON.stringify(r.payload).includes(p.id)),
  );
  expect(leaked).toEqual([]);
}
