import type { ConversationView, Page } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { type TestApp } from './app';
import {
  as,
  createGroup,
  freshTenant,
  send,
  socketOf,
  type Person,
  demoSuite,
  SEND_FREELY,
} from './messaging';

describe('conversations', () => {
  let t: TestApp, alice: Person, bob: Person, carol: Person;
  demoSuite(SEND_FREELY, (suite) => ({ t, alice, bob, carol } = suite));

  const list = async (who: Person, query: Record<string, string | number> = {}) =>
    (await as(t, who).get('/api/conversations').query(query).expect(200))
      .body as Page<ConversationView>;

  describe('direct', () => {
    it('opens one direct conversation per pair: 201 the first time, 200 and the same one after, from either side', async () => {
      // People of their own, so that other suites' direct conversations do not get in the way.
      const [erin, frank] = await freshTenant(t, 'Erin Admin', 'Frank Member');
      const first = await as(t, erin!)
        .post('/api/conversations')
        .send({ kind: 'direct', memberIds: [frank!.id] })
        .expect(201);
      expect(first.body).toMatchObject({
        kind: 'direct',
        title: null,
        lastSeq: 0,
        unreadCount: 0,
        lastMessage: null,
      });
      expect(first.body.members.map((m: { id: string }) => m.id).sort()).toEqual(
        [erin!.id, frank!.id].sort(),
      );

      const again = await as(t, erin!)
        .post('/api/conversations')
        .send({ kind: 'direct', memberIds: [frank!.id] })
        .expect(200);
      expect(again.body.id).toBe(first.body.id);
      const fromFrank = await as(t, frank!)
        .post('/api/conversations')
        .send({ kind: 'direct', memberIds: [erin!.id] })
        .expect(200);
      expect(fromFrank.body.id).toBe(first.body.id);
      const rows = await t.db.query(`SELECT id FROM conversations WHERE tenant_id = $1`, [
        erin!.tenantId,
      ]);
      expect(rows).toHaveLength(1);
    });

    it('refuses a direct conversation with yourself or with two people (400 naming memberIds)', async () => {
      const self = await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'direct', memberIds: [alice.id] })
        .expect(400);
      expect(self.body.fields.memberIds).toBeDefined();
      const two = await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'direct', memberIds: [bob.id, carol.id] })
        .expect(400);
      expect(two.body.fields.memberIds).toBeDefined();
      await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'direct', memberIds: [] })
        .expect(400);
    });

    it('opens one conversation when both people open it at the same time', async () => {
      const [erin, frank] = (await freshTenant(t, 'Erin Admin', 'Frank Member')) as [
        Person,
        Person,
      ];
      const results = await Promise.all([
        as(t, erin)
          .post('/api/conversations')
          .send({ kind: 'direct', memberIds: [frank.id] }),
        as(t, frank)
          .post('/api/conversations')
          .send({ kind: 'direct', memberIds: [erin.id] }),
        as(t, erin)
          .post('/api/conversations')
          .send({ kind: 'direct', memberIds: [frank.id] }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(
        await t.db.query(`SELECT id FROM conversations WHERE tenant_id = $1`, [erin.tenantId]),
      ).toHaveLength(1);
    });
  });

  describe('groups', () => {
    it('requires a title (400 naming title), trimmed and not blank', async () => {
      const missing = await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'group', memberIds: [bob.id] })
        .expect(400);
      expect(Object.keys(missing.body.fields)).toEqual(['title']);
      const blank = await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'group', title: '   ', memberIds: [bob.id] })
        .expect(400);
      expect(Object.keys(blank.body.fields)).toEqual(['title']);
      const created = await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'group', title: '  Garde de nuit  ', memberIds: [bob.id] })
        .expect(201);
      expect(created.body.title).toBe('Garde de nuit');
    });

    it('announces a new group to its members with conversation:new', async () => {
      const bobSocket = await socketOf(t, bob);
      const group = await createGroup(t, alice, [bob]);
      const announced = await bobSocket.waitFor('conversation:new', (c) => c.id === group.id);
      expect(announced.title).toBe(group.title);
      // The server joined bob's open socket to the room: he gets the group's messages without reconnecting.
      await send(t, alice, group.id, 'bienvenue');
      await bobSocket.waitFor(
        'message:new',
        (m) => m.conversationId === group.id && m.body === 'bienvenue',
      );
    });

    it('lists conversations by most recent activity, and pages with a cursor', async () => {
      const tag = randomUUID().slice(0, 8);
      const first = await createGroup(t, alice, [bob], `Ordre ${tag} un`);
      const second = await createGroup(t, alice, [bob], `Ordre ${tag} deux`);
      const third = await createGroup(t, alice, [bob], `Ordre ${tag} trois`);
      expect((await list(alice, { q: tag })).items.map((c) => c.id)).toEqual([
        third.id,
        second.id,
        first.id,
      ]);

      // A message is activity: the first group comes back on top, for both members.
      await send(t, bob, first.id, 'du nouveau');
      expect((await list(alice, { q: tag })).items.map((c) => c.id)).toEqual([
        first.id,
        third.id,
        second.id,
      ]);
      const forBob = await list(bob, { q: tag });
      expect(forBob.items.map((c) => c.id)).toEqual([first.id, third.id, second.id]);
      expect(forBob.items[0]!.lastMessage?.body).toBe('du nouveau');

      // A rename is activity too.
      await as(t, alice)
        .patch(`/api/conversations/${second.id}`)
        .send({ title: `Ordre ${tag} deux bis` })
        .expect(200);
      expect((await list(alice, { q: tag })).items.map((c) => c.id)).toEqual([
        second.id,
        first.id,
        third.id,
      ]);

      const page1 = await list(alice, { q: tag, limit: 2 });
      expect(page1.items.map((c) => c.id)).toEqual([second.id, first.id]);
      expect(page1.nextCursor).toEqual(expect.any(String));
      const page2 = await list(alice, { q: tag, limit: 2, cursor: page1.nextCursor! });
      expect(page2.items.map((c) => c.id)).toEqual([third.id]);
      expect(page2.nextCursor).toBeNull();
    });

    it('filters by title or member name, ignoring case and accents', async () => {
      const tag = randomUUID().slice(0, 8);
      const accented = await createGroup(t, alice, [bob], `Équipe Réunion ${tag}`);
      const withCarol = await createGroup(t, bob, [carol], `Astreinte ${tag}`);
      const ids = async (who: Person, q: string) => (await list(who, { q })).items.map((c) => c.id);

      expect(await ids(bob, `equipe reunion ${tag}`)).toEqual([accented.id]);
      expect(await ids(bob, `ÉQUIPE RÉUNION ${tag}`)).toEqual([accented.id]);
      expect(await ids(alice, `EQUIPE reunion ${tag}`)).toEqual([accented.id]);
      // Member names: bob is in both groups; "Petit" (Carol Petit) is only in the second.
      const byName = await ids(bob, 'pétit');
      expect(byName).toContain(withCarol.id);
      expect(byName).not.toContain(accented.id);
      // "Martin" (Alice Martin) finds the first group, not the one without alice.
      const byAlice = await ids(bob, 'MARTÍN');
      expect(byAlice).toContain(accented.id);
      expect(byAlice).not.toContain(withCarol.id);
      // LIKE characters are taken literally.
      expect(await ids(bob, '%')).toEqual([]);
      expect(await ids(bob, '_')).toEqual([]);
    });

    it('answers bad list queries with 400, never a 500', async () => {
      const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
      const cases: [Record<string, string | number>, string][] = [
        [{ cursor: 'garbage' }, 'cursor'],
        [{ cursor: forged(['not a date', 'not an id']) }, 'cursor'],
        [{ cursor: forged(['2026-01-01 00:00:00+00', 'not an id']) }, 'cursor'],
        [
          { cursor: forged(['2026-13-45 99:00:00+00', '00000000-0000-4000-8000-000000000000']) },
          'cursor',
        ],
        [{ q: 'a\u0000b' }, 'q'],
        [{ limit: 0 }, 'limit'],
        [{ limit: 'all' }, 'limit'],
      ];
      for (const [query, field] of cases) {
        const res = await as(t, bob).get('/api/conversations').query(query);
        expect({ query, status: res.status, fields: Object.keys(res.body.fields ?? {}) }).toEqual({
          query,
          status: 400,
          fields: [field],
        });
      }
      const nul = await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'group', title: 'Garde\u0000', memberIds: [bob.id] })
        .expect(400);
      expect(Object.keys(nul.body.fields)).toEqual(['title']);
    });

    it('renames a group: conversation:updated reaches the members, not others; a direct has no title', async () => {
      const group = await createGroup(t, alice, [bob]);
      const [bobSocket, carolSocket] = await Promise.all([socketOf(t, bob), socketOf(t, carol)]);
      const res = await as(t, bob)
        .patch(`/api/conversations/${group.id}`)
        .send({ title: '  Nouveau nom  ' })
        .expect(200);
      expect(res.body.title).toBe('Nouveau nom');
      const updated = await bobSocket.waitFor('conversation:updated', (c) => c.id === group.id);
      expect(updated.title).toBe('Nouveau nom');
      await carolSocket.expectNoneSoFar('conversation:updated', (c) => c.id === group.id);
      expect(
        (await as(t, alice).get(`/api/conversations/${group.id}`).expect(200)).body.title,
      ).toBe('Nouveau nom');

      const blank = await as(t, bob)
        .patch(`/api/conversations/${group.id}`)
        .send({ title: ' ' })
        .expect(400);
      expect(Object.keys(blank.body.fields)).toEqual(['title']);

      const direct = await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'direct', memberIds: [carol.id] });
      expect([200, 201]).toContain(direct.status);
      await as(t, alice)
        .patch(`/api/conversations/${direct.body.id}`)
        .send({ title: 'Non' })
        .expect(400);
    });

    it('adds a member: conversation:new reaches them, they get the group events from then on, with nothing unread', async () => {
      const group = await createGroup(t, alice, [bob]);
      await send(t, alice, group.id, 'avant carol');
      const carolSocket = await socketOf(t, carol);
      await carolSocket.expectNoneSoFar('message:new', (m) => m.conversationId === group.id);

      const res = await as(t, bob)
        .post(`/api/conversations/${group.id}/members`)
        .send({ userIds: [carol.id] })
        .expect(201);
      expect(res.body.members.map((m: { id: string }) => m.id)).toContain(carol.id);
      const announced = await carolSocket.waitFor('conversation:new', (c) => c.id === group.id);
      // Seq 2 is the timeline note of their arrival, read already.
      expect(announced).toMatchObject({ lastSeq: 2, lastReadSeq: 2, unreadCount: 0 });

      await send(t, alice, group.id, 'bonjour carol');
      await carolSocket.waitFor(
        'message:new',
        (m) => m.conversationId === group.id && m.body === 'bonjour carol',
      );
      expect(
        (await as(t, carol).get(`/api/conversations/${group.id}`).expect(200)).body.unreadCount,
      ).toBe(1);
      // Adding someone already there changes nothing.
      await as(t, bob)
        .post(`/api/conversations/${group.id}/members`)
        .send({ userIds: [carol.id] })
        .expect(201);
      const members = await t.db.query(
        `SELECT user_id FROM conversation_members WHERE conversation_id = $1`,
        [group.id],
      );
      expect(members).toHaveLength(3);
    });

    it('lets a member leave: conversation:removed, no more events, no more access', async () => {
      const group = await createGroup(t, alice, [bob, carol]);
      const [aliceSocket, carolSocket] = await Promise.all([
        socketOf(t, alice),
        socketOf(t, carol),
      ]);
      await as(t, carol).delete(`/api/conversations/${group.id}/members/${carol.id}`).expect(204);
      await carolSocket.waitFor('conversation:removed', (r) => r.conversationId === group.id);
      const updated = await aliceSocket.waitFor('conversation:updated', (c) => c.id === group.id);
      expect(updated.members.map((m) => m.id)).not.toContain(carol.id);

      await send(t, alice, group.id, 'après le départ');
      await aliceSocket.waitFor('message:new', (m) => m.conversationId === group.id);
      await carolSocket.expectNoneSoFar('message:new', (m) => m.conversationId === group.id);
      await as(t, carol).get(`/api/conversations/${group.id}`).expect(404);
      await as(t, carol).get(`/api/conversations/${group.id}/messages`).expect(404);
      expect((await list(carol)).items.map((c) => c.id)).not.toContain(group.id);
    });

    it('lets the creator or an admin remove someone, and nobody else (403)', async () => {
      const group = await createGroup(t, alice, [bob, carol]);
      const bobSocket = await socketOf(t, bob);
      // bob is a plain member, not the creator.
      await as(t, bob).delete(`/api/conversations/${group.id}/members/${carol.id}`).expect(403);
      expect(
        (await as(t, carol).get(`/api/conversations/${group.id}`).expect(200)).body.members,
      ).toHaveLength(3);

      // alice created it.
      await as(t, alice).delete(`/api/conversations/${group.id}/members/${bob.id}`).expect(204);
      await bobSocket.waitFor('conversation:removed', (r) => r.conversationId === group.id);
      await send(t, carol, group.id, 'sans bob');
      await bobSocket.expectNoneSoFar('message:new', (m) => m.conversationId === group.id);
      await as(t, bob).get(`/api/conversations/${group.id}/messages`).expect(404);

      // An admin who did not create the group may remove someone: bob's group, alice removes carol.
      const bobs = await createGroup(t, bob, [alice, carol]);
      await as(t, carol).delete(`/api/conversations/${bobs.id}/members/${alice.id}`).expect(403);
      await as(t, alice).delete(`/api/conversations/${bobs.id}/members/${carol.id}`).expect(204);
      await as(t, carol).get(`/api/conversations/${bobs.id}`).expect(404);
      // Removing someone who is not a member: 404.
      await as(t, alice).delete(`/api/conversations/${bobs.id}/members/${carol.id}`).expect(404);
    });
  });
});
