import { randomUUID } from 'node:crypto';
import {
  MESSAGING_LIMITS,
  type ConversationView,
  type MemberView,
  type Page,
} from '@mindsp/contracts';
import { startApp, type TestApp } from './app';
import { A_UUID, as, freshTenant, signIn, type Person } from './messaging';

/** `n` people of the admin's tenant, seeded straight in SQL (by name: "Pompier 00001", ...). */
async function people(t: TestApp, admin: Person, n: number): Promise<string[]> {
  const rows: { id: string }[] = await t.db.query(
    `INSERT INTO users (tenant_id, email, display_name, password_hash)
     SELECT $1, $3 || i || '@large.test', 'Pompier ' || lpad(i::text, 5, '0'), 'x'
     FROM generate_series(1, $2) AS i ORDER BY i RETURNING id`,
    [admin.tenantId, n, `p-${randomUUID().slice(0, 8)}-`],
  );
  return rows.map((r) => r.id);
}

async function allMembers(t: TestApp, who: Person, conversationId: string) {
  const seen: MemberView[] = [];
  let cursor: string | null | undefined;
  let pages = 0;
  do {
    const page = (
      await as(t, who)
        .get(`/api/conversations/${conversationId}/members`)
        .query({ limit: 100, ...(cursor && { cursor }) })
        .expect(200)
    ).body as Page<MemberView>;
    seen.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { seen, pages };
}

describe('large groups', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('holds 5,000 members, built 500 at a time, and pages them by name', async () => {
    const [erin] = (await freshTenant(t, 'Erin Admin')) as [Person];
    const ids = await people(t, erin, MESSAGING_LIMITS.groupMaxMembers);
    const created = (
      await as(t, erin)
        .post('/api/conversations')
        .send({ kind: 'group', title: 'Tout le SDIS', memberIds: ids.slice(0, 499) })
        .expect(201)
    ).body as ConversationView;
    for (let from = 499; from < 4999; from += 500) {
      await as(t, erin)
        .post(`/api/conversations/${created.id}/members`)
        .send({ userIds: ids.slice(from, from + 500) })
        .expect(201);
    }
    // 5,000 now (erin and 4,999 others): one more is refused, naming the field, nothing changes.
    const [extra] = await people(t, erin, 1);
    const refused = await as(t, erin)
      .post(`/api/conversations/${created.id}/members`)
      .send({ userIds: [extra] })
      .expect(400);
    expect(Object.keys(refused.body.fields)).toEqual(['userIds']);

    // The view carries the first members by name and the count; receipts know it is partial.
    const view = (await as(t, erin).get(`/api/conversations/${created.id}`).expect(200))
      .body as ConversationView;
    expect(view.memberCount).toBe(MESSAGING_LIMITS.groupMaxMembers);
    expect(view.members).toHaveLength(MESSAGING_LIMITS.membersInView);
    expect(view.unreadCount).toBe(0);

    // Every member exactly once, in name order, 50 pages of 100.
    const { seen, pages } = await allMembers(t, erin, created.id);
    expect(pages).toBe(50);
    expect(new Set(seen.map((m) => m.id)).size).toBe(MESSAGING_LIMITS.groupMaxMembers);
    expect(seen.map((m) => m.id).sort()).toEqual([erin.id, ...ids.slice(0, 4999)].sort());
    const names = seen.map((m) => m.displayName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(view.members.map((m) => m.id)).toEqual(seen.slice(0, 200).map((m) => m.id));
  }, 180_000);

  it('answers the members of a group to its members only: 404 for others and other tenants', async () => {
    const { alice, bob, carol, dave } = await signIn(t);
    const group = (
      await as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'group', title: 'Garde', memberIds: [bob.id] })
        .expect(201)
    ).body as ConversationView;
    expect(group.memberCount).toBe(2);
    const page = (
      await as(t, bob).get(`/api/conversations/${group.id}/members`).query({ limit: 1 }).expect(200)
    ).body as Page<MemberView>;
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    for (const stranger of [carol, dave]) {
      await as(t, stranger!).get(`/api/conversations/${group.id}/members`).expect(404);
    }
    await as(t, alice).get(`/api/conversations/${A_UUID}/members`).expect(404);
    for (const [query, field] of [
      [{ cursor: 'nope' }, 'cursor'],
      [{ limit: 0 }, 'limit'],
    ] as const) {
      const bad = await as(t, alice)
        .get(`/api/conversations/${group.id}/members`)
        .query(query)
        .expect(400);
      expect(Object.keys(bad.body.fields)).toEqual([field]);
    }
  });
});

describe('the group size cap (GROUP_MAX_MEMBERS)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ GROUP_MAX_MEMBERS: '3' });
  });
  afterAll(() => t.close());

  it('is configurable and holds however members are added', async () => {
    const [erin] = (await freshTenant(t, 'Erin Admin')) as [Person];
    const ids = await people(t, erin, 3);
    const tooBig = await as(t, erin)
      .post('/api/conversations')
      .send({ kind: 'group', title: 'Trop', memberIds: ids })
      .expect(400);
    expect(Object.keys(tooBig.body.fields)).toEqual(['memberIds']);
    const group = (
      await as(t, erin)
        .post('/api/conversations')
        .send({ kind: 'group', title: 'Juste', memberIds: ids.slice(0, 2) })
        .expect(201)
    ).body as ConversationView;
    const refused = await as(t, erin)
      .post(`/api/conversations/${group.id}/members`)
      .send({ userIds: [ids[2]] })
      .expect(400);
    expect(Object.keys(refused.body.fields)).toEqual(['userIds']);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM conversation_members WHERE conversation_id = $1`,
      [group.id],
    );
    expect(count).toBe(3);
  });
});
