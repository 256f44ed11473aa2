import type { ConversationView, MessageView, NotificationPage, Page } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from './app';
import { as, createGroup, freshTenant, history, send, type Person } from './messaging';
import { closeSockets } from './sockets';
import { waitFor } from './wait-for';
import {
  forgetEarlierSuitesWork,
  startWorker,
  stopWorker,
  type WorkerProcess,
} from './worker-process';

// Replies, mentions, mute and archive, end to end: the API, the built worker, PostgreSQL, Redis.
// Each test has a tenant of its own, so notifications and lists are its own.
describe('replies, mentions, mute and archive', () => {
  let t: TestApp;
  let worker: WorkerProcess;

  beforeAll(async () => {
    t = await startApp();
    await forgetEarlierSuitesWork(t.db);
    worker = await startWorker();
  });
  afterEach(() => closeSockets());
  afterAll(async () => {
    await stopWorker(worker);
    await t.close();
  });

  const reply = (who: Person, conversationId: string, body: string, replyToId: string) =>
    as(t, who)
      .post(`/api/conversations/${conversationId}/messages`)
      .send({ body, clientMessageId: randomUUID(), replyToId });
  const setMembership = (who: Person, conversationId: string, state: object) =>
    t.http
      .put(`/api/conversations/${conversationId}/membership`)
      .auth(who.token, { type: 'bearer' })
      .send(state);
  const notificationsOf = async (who: Person) =>
    (await as(t, who).get('/api/notifications').expect(200)).body as NotificationPage;
  const listOf = async (who: Person, query = '') =>
    (
      (await as(t, who).get(`/api/conversations${query}`).expect(200))
        .body as Page<ConversationView>
    ).items;

  it('quotes the original of a reply, and only one of the same conversation', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const group = await createGroup(t, alice!, [bob!], 'Garde');
    const other = await createGroup(t, alice!, [bob!], 'Autre');
    const original = await send(t, alice!, group.id, `Départ à 8 h <@${bob!.id}>`);
    const elsewhere = await send(t, alice!, other.id, 'Ailleurs');

    const refused = await reply(bob!, group.id, 'Non', elsewhere.id).expect(400);
    expect(refused.body.fields).toEqual({
      replyToId: ['replyToId must be a message of this conversation'],
    });
    await reply(bob!, group.id, 'Non', randomUUID()).expect(400);
    await reply(bob!, group.id, 'Non', 'pas-un-id').expect(400);
    expect((await history(t, bob!, group.id)).items).toHaveLength(1);

    const answer = (await reply(bob!, group.id, 'Bien reçu', original.id).expect(201))
      .body as MessageView;
    expect(answer.replyTo).toEqual({
      id: original.id,
      seq: original.seq,
      senderId: alice!.id,
      excerpt: `Départ à 8 h <@${bob!.id}>`,
      deleted: false,
    });
    const page = await history(t, alice!, group.id);
    expect(page.items.map((m) => m.replyTo ?? null)).toEqual([null, answer.replyTo]);
  });

  it('shows the quote as deleted once the original is deleted, also for a reply sent before', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const group = await createGroup(t, alice!, [bob!]);
    const original = await send(t, alice!, group.id, 'Message à retirer');
    const answer = (await reply(bob!, group.id, 'Je réponds', original.id).expect(201))
      .body as MessageView;
    expect(answer.replyTo?.deleted).toBe(false);

    await as(t, alice!)
      .delete(`/api/conversations/${group.id}/messages/${original.id}`)
      .expect(200);
    const [, quoted] = (await history(t, bob!, group.id)).items;
    expect(quoted!.replyTo).toEqual({
      id: original.id,
      seq: original.seq,
      senderId: alice!.id,
      excerpt: '',
      deleted: true,
    });
    // Replying to a deleted message is allowed: its quote says it was deleted.
    const late = (await reply(bob!, group.id, 'Trop tard', original.id).expect(201))
      .body as MessageView;
    expect(late.replyTo).toMatchObject({ deleted: true, excerpt: '' });
  });

  it('notifies a mention even when muted, and a muted member of nothing else', async () => {
    const [alice, bob, carol] = await freshTenant(t, 'Alice Martin', 'Bob Durand', 'Carol Petit');
    const group = await createGroup(t, alice!, [bob!, carol!], 'Astreinte');
    const muted = (await setMembership(bob!, group.id, { muted: true }).expect(200))
      .body as ConversationView;
    expect(muted).toMatchObject({ id: group.id, muted: true, archived: false });
    // Muting is Bob's own: Alice's view of the conversation is unchanged.
    expect((await as(t, alice!).get(`/api/conversations/${group.id}`).expect(200)).body.muted).toBe(
      false,
    );

    await send(t, alice!, group.id, 'Point de situation');
    // The same job notifies Carol (not muted): once hers is there, Bob's would have been too.
    await waitFor(async () => (await notificationsOf(carol!)).items.length === 1);
    expect((await notificationsOf(bob!)).items).toHaveLength(0);

    await send(t, alice!, group.id, `<@${bob!.id}> tu prends le VSAV ?`);
    await waitFor(async () => (await notificationsOf(bob!)).items.length === 1, 10_000, 'mention');
    const [mention] = (await notificationsOf(bob!)).items;
    expect(mention).toMatchObject({
      type: 'mention',
      title: 'Alice Martin vous a mentionné',
      body: '@Bob Durand tu prends le VSAV ?',
      actionUrl: `/messages/${group.id}`,
      data: { conversationId: group.id, seq: 2 },
      readAt: null,
    });
    // Carol was not mentioned: her message notification counts both, no mention.
    await waitFor(async () => (await notificationsOf(carol!)).items[0]?.data.count === 2);
    expect((await notificationsOf(carol!)).items.map((n) => n.type)).toEqual(['message']);
    // Her notification shows the mention as a name, never as the stored token.
    expect((await notificationsOf(carol!)).items[0]!.body).toBe('@Bob Durand tu prends le VSAV ?');
  });

  it("lets only a group's creator or an admin mention everyone", async () => {
    const [admin, alice, bob, carol] = await freshTenant(
      t,
      'Ada Admin',
      'Alice Martin',
      'Bob Durand',
      'Carol Petit',
    );
    const group = await createGroup(t, alice!, [bob!, carol!], 'Centre');
    const everyone = (who: Person) =>
      as(t, who)
        .post(`/api/conversations/${group.id}/messages`)
        .send({ body: '<@all> rassemblement', clientMessageId: randomUUID() });

    const refused = await everyone(bob!).expect(403);
    expect(refused.body.message).toBe("Only the group's creator or an admin can mention everyone");
    expect((await history(t, alice!, group.id)).items).toHaveLength(0);
    // Nor can an edit add it.
    const own = await send(t, bob!, group.id, 'Rassemblement');
    await as(t, bob!)
      .patch(`/api/conversations/${group.id}/messages/${own.id}`)
      .send({ body: '<@all> rassemblement' })
      .expect(403);

    await everyone(alice!).expect(201);
    for (const who of [bob!, carol!])
      await waitFor(
        async () => (await notificationsOf(who)).items.some((n) => n.type === 'mention'),
        10_000,
        `${who.name}'s mention`,
      );
    const mention = (await notificationsOf(bob!)).items.find((n) => n.type === 'mention');
    expect(mention!.body).toBe('@tous rassemblement');
    // Everyone but the sender.
    expect((await notificationsOf(alice!)).items.filter((n) => n.type === 'mention')).toEqual([]);

    // An admin who is a member may too; in a direct conversation nobody may.
    await as(t, alice!)
      .post(`/api/conversations/${group.id}/members`)
      .send({ userIds: [admin!.id] })
      .expect(201);
    await everyone(admin!).expect(201);
    const direct = (
      await as(t, alice!)
        .post('/api/conversations')
        .send({ kind: 'direct', memberIds: [bob!.id] })
        .expect(201)
    ).body as ConversationView;
    await as(t, alice!)
      .post(`/api/conversations/${direct.id}/messages`)
      .send({ body: '<@all>', clientMessageId: randomUUID() })
      .expect(403);
  });

  it('archives a conversation until a new message brings it back', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const group = await createGroup(t, alice!, [bob!], 'Archives');
    const kept = await createGroup(t, alice!, [bob!], 'Reste');

    const archived = (await setMembership(bob!, group.id, { archived: true }).expect(200))
      .body as ConversationView;
    expect(archived).toMatchObject({ archived: true, muted: false });
    expect((await listOf(bob!)).map((c) => c.id)).toEqual([kept.id]);
    expect((await listOf(bob!, '?archived=true')).map((c) => c.id)).toEqual([group.id]);
    // Alice did not archive it.
    expect((await listOf(alice!)).map((c) => c.id)).toContain(group.id);

    await send(t, alice!, group.id, 'Du nouveau');
    const back = await listOf(bob!);
    expect(back.map((c) => c.id)).toEqual([group.id, kept.id]);
    expect(back[0]).toMatchObject({ archived: false, unreadCount: 1 });
    expect(await listOf(bob!, '?archived=true')).toEqual([]);

    // Unarchived by hand, and muting leaves the archive state alone.
    await setMembership(bob!, kept.id, { archived: true }).expect(200);
    await setMembership(bob!, kept.id, { muted: true }).expect(200);
    expect((await listOf(bob!, '?archived=true'))[0]).toMatchObject({
      muted: true,
      archived: true,
    });
    await setMembership(bob!, kept.id, { archived: false }).expect(200);
    expect((await listOf(bob!)).map((c) => c.id)).toContain(kept.id);
    await setMembership(bob!, kept.id, { muted: 'yes' }).expect(400);
  });

  it("answers 404 for another organisation's conversation, as for an unknown one", async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const [mallory] = await freshTenant(t, 'Mallory Dupont');
    const group = await createGroup(t, alice!, [bob!]);
    const original = await send(t, alice!, group.id, 'Interne');

    await setMembership(mallory!, group.id, { muted: true }).expect(404);
    await setMembership(mallory!, randomUUID(), { muted: true }).expect(404);
    await reply(mallory!, group.id, 'Intrus', original.id).expect(404);
    expect((await history(t, alice!, group.id)).items).toHaveLength(1);
    expect((await as(t, alice!).get(`/api/conversations/${group.id}`).expect(200)).body.muted).toBe(
      false,
    );
  });
});
