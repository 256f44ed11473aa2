import type { Page, UserSummary } from '@mindsp/contracts';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { startApiProcess, stopApiProcess } from './api-process';
import { startApp, type TestApp } from './app';
import { as, createGroup, freshTenant, send, type Person } from './messaging';
import { BATCH_WINDOW_MS, changeOf, changesOf, follow } from './presence-follow';
import { closeSockets, connectSocket } from './sockets';
import { waitFor } from './wait-for';

/** Two API instances on the same database and Redis, as deployed behind a load balancer. */
describe('two API instances', () => {
  let a: TestApp;
  let b: TestApp;
  let alice: Person;
  let bob: Person;
  let carol: Person;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startApp({ MESSAGE_RATE_LIMIT: '100000' }),
      startApp({ MESSAGE_RATE_LIMIT: '100000' }),
    ]);
  });
  // People of each test's own (tokens of A work on B: one secret): no socket of an earlier test
  // is still closing for them.
  beforeEach(async () => {
    [alice, bob, carol] = (await freshTenant(a, 'Alice Martin', 'Bob Durand', 'Carol Petit')) as [
      Person,
      Person,
      Person,
    ];
  });
  afterEach(() => closeSockets());
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const onlineIn = async (t: TestApp, caller: Person, who: Person) => {
    const page = (await as(t, caller).get('/api/users').query({ limit: 100 }).expect(200))
      .body as Page<UserSummary>;
    return page.items.find((u) => u.id === who.id)?.online;
  };

  it('delivers messages and typing both ways between sockets on different instances', async () => {
    const [aliceOnA, bobOnB] = await Promise.all([
      connectSocket(a.url, alice.token),
      connectSocket(b.url, bob.token),
    ]);
    // Created through A: bob's socket on B is joined to the new room and told.
    const group = await createGroup(a, alice, [bob]);
    await bobOnB.waitFor('conversation:new', (c) => c.id === group.id);

    const fromA = await aliceOnA.ok('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: 'de A vers B',
    });
    expect(
      await bobOnB.waitFor('message:new', (m) => m.conversationId === group.id && m.seq === 1),
    ).toEqual(fromA);
    const fromB = await bobOnB.ok('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: 'de B vers A',
    });
    expect(
      await aliceOnA.waitFor('message:new', (m) => m.conversationId === group.id && m.seq === 2),
    ).toEqual(fromB);
    // REST on one instance, socket on the other.
    const viaRest = await send(b, bob, group.id, 'par REST sur B');
    expect(await aliceOnA.waitFor('message:new', (m) => m.id === viaRest.id)).toEqual(viaRest);

    await aliceOnA.ok('typing', { conversationId: group.id, typing: true });
    expect(await bobOnB.waitFor('typing', (e) => e.conversationId === group.id)).toEqual({
      conversationId: group.id,
      userId: alice.id,
      typing: true,
    });
    await bobOnB.ok('typing', { conversationId: group.id, typing: true });
    await aliceOnA.waitFor(
      'typing',
      (e) => e.conversationId === group.id && e.userId === bob.id && e.typing,
    );
    await bobOnB.ok('typing', { conversationId: group.id, typing: false });
    await aliceOnA.waitFor(
      'typing',
      (e) => e.conversationId === group.id && e.userId === bob.id && !e.typing,
    );

    // alice last read her own seq 1: reading up to 3 on A shows on B.
    await aliceOnA.ok('conversation:read', { conversationId: group.id, seq: 3 });
    await bobOnB.waitFor(
      'read:updated',
      (r) => r.conversationId === group.id && r.userId === alice.id && r.seq === 3,
    );
  });

  it('agrees on presence across instances, both ways', async () => {
    expect(await onlineIn(a, bob, alice)).toBe(false);
    const bobOnB = await connectSocket(b.url, bob.token);
    await follow(bobOnB, alice);
    const aliceOnA = await connectSocket(a.url, alice.token);
    expect(await changeOf(bobOnB, (p) => p.userId === alice.id)).toEqual({
      userId: alice.id,
      online: true,
      lastSeenAt: null,
    });
    expect(await onlineIn(b, bob, alice)).toBe(true);
    expect(await onlineIn(a, bob, alice)).toBe(true);

    // A second tab on the other instance is not a new arrival, and closing the first is no departure.
    const aliceOnB = await connectSocket(b.url, alice.token);
    aliceOnA.close();
    await bobOnB.settle(BATCH_WINDOW_MS);
    expect(changesOf(bobOnB, alice)).toHaveLength(1);
    expect(await onlineIn(b, bob, alice)).toBe(true);

    aliceOnB.close();
    const offline = await changeOf(bobOnB, (p) => p.userId === alice.id && !p.online);
    expect(offline.lastSeenAt).toEqual(expect.any(String));
    expect(await onlineIn(b, bob, alice)).toBe(false);
    expect(await onlineIn(a, bob, alice)).toBe(false);

    // And the other way: bob (on B) seen from A.
    const aliceAgain = await connectSocket(a.url, alice.token);
    await follow(aliceAgain, bob);
    bobOnB.close();
    await changeOf(aliceAgain, (p) => p.userId === bob.id && !p.online);
    expect(await onlineIn(a, alice, bob)).toBe(false);
  });

  it('keeps rooms right on every instance when membership changes on another', async () => {
    const group = await createGroup(a, alice, [bob]);
    const [aliceOnA, carolOnB] = await Promise.all([
      connectSocket(a.url, alice.token),
      connectSocket(b.url, carol.token),
    ]);
    await send(a, alice, group.id, 'avant carol');
    await carolOnB.expectNone('message:new', (m) => m.conversationId === group.id);

    // Added through A, while her socket is on B.
    await as(a, alice)
      .post(`/api/conversations/${group.id}/members`)
      .send({ userIds: [carol.id] })
      .expect(201);
    await carolOnB.waitFor('conversation:new', (c) => c.id === group.id);
    const welcome = await send(a, alice, group.id, 'bienvenue carol');
    await carolOnB.waitFor('message:new', (m) => m.id === welcome.id);
    await aliceOnA.ok('typing', { conversationId: group.id, typing: true });
    await carolOnB.waitFor('typing', (e) => e.conversationId === group.id);
    // Her socket on B may now act in the group.
    await carolOnB.ok('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: 'merci',
    });
    await aliceOnA.waitFor(
      'message:new',
      (m) => m.conversationId === group.id && m.body === 'merci',
    );

    // Removed through A: her socket on B leaves the room.
    await as(a, alice).delete(`/api/conversations/${group.id}/members/${carol.id}`).expect(204);
    await carolOnB.waitFor('conversation:removed', (r) => r.conversationId === group.id);
    const after = await send(a, alice, group.id, 'après carol');
    await aliceOnA.waitFor('message:new', (m) => m.id === after.id);
    await carolOnB.expectNone('message:new', (m) => m.id === after.id);
    expect(await carolOnB.emit('typing', { conversationId: group.id, typing: true })).toMatchObject(
      { ok: false, error: { code: 'not_found' } },
    );
  });

  it('takes the people of a stopped instance offline at once, last seen stored, followers told', async () => {
    const [watcher] = await freshTenant(a, 'Chef Salle');
    // Thirty people of the watcher's tenant, signed as sign-in signs (30 sign-ins hit its limit).
    const people: { id: string; token: string }[] = (
      await a.db.query(
        `INSERT INTO users (tenant_id, email, display_name, password_hash)
         SELECT $1, 'agent' || i || '@' || $2 || '.test', 'Agent ' || i, 'x'
         FROM generate_series(1, 30) AS i RETURNING id`,
        [watcher!.tenantId, randomUUID()],
      )
    ).map(({ id }: { id: string }) => ({
      id,
      token: a.app
        .get(JwtService)
        .sign({ sub: id, tid: watcher!.tenantId, role: 'member', sid: randomUUID() }),
    }));
    const watching = await connectSocket(a.url, watcher!.token);
    await watching.ok('presence:subscribe', { userIds: people.map((p) => p.id) });
    // A third instance, in its own process, stopped as a deploy stops it.
    const leaving = await startApiProcess();
    await Promise.all(people.map((p) => connectSocket(leaving.url, p.token)));
    const arrived = new Set<string>();
    await waitFor(
      () => {
        for (const batch of watching.all('presence'))
          for (const p of batch) if (p.online) arrived.add(p.userId);
        return arrived.size === people.length;
      },
      10_000,
      'all arrived',
    );

    await stopApiProcess(leaving, 'SIGTERM');
    expect(leaving.output()).not.toContain('Presence not cleared');
    // Nobody left online in Redis, each one's departure stored and told: no 60 s ghost.
    const listed = (await as(a, watcher!).get('/api/users').query({ limit: 100 }).expect(200))
      .body as Page<UserSummary>;
    const agents = listed.items.filter((u) => u.id !== watcher!.id);
    expect(agents).toHaveLength(30);
    expect(agents.filter((u) => u.online)).toEqual([]);
    expect(agents.filter((u) => !u.lastSeenAt)).toEqual([]);
    for (const person of people) {
      await changeOf(watching, (p) => p.userId === person.id && !p.online);
    }
  });
});
