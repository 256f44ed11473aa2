import type { Page, UserSummary } from '@mindsp/contracts';
import type Redis from 'ioredis';
import { PresenceService } from '../src/people/presence.service';
import { REDIS } from '../src/redis/redis.module';
import { startApp, type TestApp } from './app';
import { as, freshTenant, socketOf, type Person } from './messaging';
import { BATCH_WINDOW_MS, changeOf, changesOf, follow } from './presence-follow';
import { closeSockets, type TestSocket } from './sockets';

async function userIn(t: TestApp, caller: Person, who: Person) {
  const page = (await as(t, caller).get('/api/users').query({ limit: 100 }).expect(200))
    .body as Page<UserSummary>;
  const found = page.items.find((u) => u.id === who.id);
  if (!found) throw new Error(`${who.name} is not listed`);
  return found;
}

describe('presence', () => {
  let t: TestApp;
  let alice: Person;
  let bob: Person;
  let carol: Person;
  let dave: Person;

  // A short expiry, so that a crashed instance's ghosts go within the test: beats every second.
  beforeAll(async () => {
    t = await startApp({ PRESENCE_TTL: '3' });
  });
  // People of each test's own: no socket of an earlier test (or suite) is still closing for them,
  // and the tenant's online list holds only them.
  beforeEach(async () => {
    [alice, bob, carol] = (await freshTenant(t, 'Alice Admin', 'Bob Roux', 'Carol Petit')) as [
      Person,
      Person,
      Person,
    ];
    [dave] = (await freshTenant(t, 'Dave Other')) as [Person];
  });
  afterEach(() => closeSockets());
  afterAll(() => t.close());

  it('is online with the first tab, offline with the last one closed, told to followers only', async () => {
    const [bobSocket, carolSocket, daveSocket] = await Promise.all([
      socketOf(t, bob),
      socketOf(t, carol),
      socketOf(t, dave),
    ]);
    expect(await follow(bobSocket, alice)).toEqual([
      expect.objectContaining({ userId: alice.id, online: false }),
    ]);
    // dave (another tenant) asks for alice: ignored as an unknown id, no state, no changes.
    expect(await follow(daveSocket, alice, bob)).toEqual([]);
    expect(await userIn(t, bob, alice)).toMatchObject({ online: false });

    const tab1 = await socketOf(t, alice);
    const tab2 = await socketOf(t, alice);
    expect(await changeOf(bobSocket, (p) => p.userId === alice.id)).toEqual({
      userId: alice.id,
      online: true,
      lastSeenAt: null,
    });
    await bobSocket.settle(BATCH_WINDOW_MS);
    expect(changesOf(bobSocket, alice)).toHaveLength(1);
    expect(await userIn(t, bob, alice)).toMatchObject({ online: true, lastSeenAt: null });
    // A socket that follows again gets her state now in the ack.
    expect(await follow(bobSocket, alice)).toEqual([
      expect.objectContaining({ userId: alice.id, online: true }),
    ]);

    // One tab closed: still online, nobody is told otherwise.
    tab1.close();
    await bobSocket.settle(BATCH_WINDOW_MS);
    expect(changesOf(bobSocket, alice).filter((p) => !p.online)).toEqual([]);
    expect(await userIn(t, bob, alice)).toMatchObject({ online: true });

    // The last one: offline, with when she was last seen.
    tab2.close();
    const offline = await changeOf(bobSocket, (p) => p.userId === alice.id && !p.online);
    expect(offline).toEqual({ userId: alice.id, online: false, lastSeenAt: expect.any(String) });
    expect(new Date(offline.lastSeenAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await userIn(t, bob, alice)).toEqual(
      expect.objectContaining({ online: false, lastSeenAt: offline.lastSeenAt }),
    );
    await bobSocket.settle(BATCH_WINDOW_MS);
    expect(changesOf(bobSocket, alice).map((p) => p.online)).toEqual([true, false]);

    // Nobody who did not follow her heard of it: carol (same tenant), dave (another tenant).
    await Promise.all([carolSocket.settle(), daveSocket.settle()]);
    expect(carolSocket.all('presence')).toEqual([]);
    expect(daveSocket.all('presence')).toEqual([]);
  });

  it('tells a socket only about the people it follows now, in one batch per interval', async () => {
    // People of their own: no socket of another test is still closing for them.
    const [xavier, yann, zoe] = await freshTenant(t, 'Xavier Admin', 'Yann Roux', 'Zoé Petit');
    const xavierSocket = await socketOf(t, xavier!);
    await follow(xavierSocket, yann!, zoe!);
    // Following only zoé from now on: yann's comings and goings are no longer told.
    await follow(xavierSocket, zoe!);
    const [yannSocket, zoeSocket] = await Promise.all([socketOf(t, yann!), socketOf(t, zoe!)]);
    expect(await changeOf(xavierSocket, (p) => p.userId === zoe!.id)).toMatchObject({
      online: true,
    });
    yannSocket.close();
    zoeSocket.close();
    await changeOf(xavierSocket, (p) => p.userId === zoe!.id && !p.online);
    await xavierSocket.settle(BATCH_WINDOW_MS);
    expect(changesOf(xavierSocket, yann!)).toEqual([]);
    // Each batch names a person once: the latest state, not every step.
    for (const batch of xavierSocket.all('presence')) {
      expect(new Set(batch.map((p) => p.userId)).size).toBe(batch.length);
    }
  });

  it('refuses a subscription that is not a bounded list of UUIDs, naming the field', async () => {
    const bobSocket = await socketOf(t, bob);
    const tooMany = Array.from({ length: 501 }, () => alice.id);
    for (const input of [{ userIds: 'x' }, { userIds: ['not-a-uuid'] }, { userIds: tooMany }, {}]) {
      const ack = await bobSocket.emit('presence:subscribe', input);
      expect(ack).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      expect(Object.keys((ack as { error: { fields: object } }).error.fields)).toEqual([
        expect.stringMatching(/^userIds/),
      ]);
    }
    // Upper-case spellings are the same people.
    expect(await bobSocket.ok('presence:subscribe', { userIds: [alice.id.toUpperCase()] })).toEqual(
      [expect.objectContaining({ userId: alice.id })],
    );
  });

  it("lists who is online now, a page at a time, in the caller's tenant only", async () => {
    await Promise.all([socketOf(t, alice), socketOf(t, carol), socketOf(t, dave)]);
    const first = (await as(t, bob).get('/api/users/online').query({ limit: 1 }).expect(200))
      .body as Page<UserSummary>;
    expect(first.items).toEqual([expect.objectContaining({ id: alice.id, online: true })]);
    const second = (
      await as(t, bob)
        .get('/api/users/online')
        .query({ limit: 1, cursor: first.nextCursor })
        .expect(200)
    ).body as Page<UserSummary>;
    expect(second.items).toEqual([expect.objectContaining({ id: carol.id, online: true })]);
    expect(second.nextCursor).toBeNull();
    const res = await as(t, bob).get('/api/users/online').query({ cursor: 'nope' }).expect(400);
    expect(Object.keys(res.body.fields)).toEqual(['cursor']);
  });

  it('keeps a user online through page reloads (the last tab closed and a new one opened at once)', async () => {
    const bobSocket = await socketOf(t, bob);
    await follow(bobSocket, alice);
    let tab = await socketOf(t, alice);
    await changeOf(bobSocket, (p) => p.userId === alice.id && p.online);
    for (let i = 0; i < 20; i++) {
      tab.close();
      tab = await socketOf(t, alice);
    }
    // Whatever the order the server handled each pair in, what bob ends with is: online.
    await bobSocket.settle(BATCH_WINDOW_MS * 2);
    expect(changesOf(bobSocket, alice).at(-1)!.online).toBe(true);
    expect(await userIn(t, bob, alice)).toMatchObject({ online: true });
    tab.close();
    await changeOf(bobSocket, (p) => p.userId === alice.id && !p.online);
  });

  it('never tells another tenant when its people come and go, even when asked', async () => {
    const aliceSocket = await socketOf(t, alice);
    expect(await follow(aliceSocket, dave, bob)).toEqual([
      expect.objectContaining({ userId: bob.id }),
    ]);
    const daveSocket = await socketOf(t, dave);
    daveSocket.close();
    await aliceSocket.settle(BATCH_WINDOW_MS);
    expect(changesOf(aliceSocket, dave)).toEqual([]);
    // And alice's user list never shows dave.
    const page = (await as(t, alice).get('/api/users').query({ limit: 100 }).expect(200))
      .body as Page<UserSummary>;
    expect(page.items.map((u) => u.id)).not.toContain(dave.id);
  });

  it('ends the ghosts of a crashed instance within the expiry and one beat', async () => {
    const bobSocket: TestSocket = await socketOf(t, bob);
    await follow(bobSocket, carol, bob);
    const redis = t.app.get<Redis>(REDIS);
    // What an instance that then died wrote for its sockets: carol's only socket, and a second
    // socket of bob (whose real one, on this live instance, keeps him online).
    const presence = t.app.get(PresenceService);
    expect(
      await presence.connect({
        socketId: 'crashed-instance-socket-1',
        userId: carol.id,
        tenantId: carol.tenantId,
      }),
    ).toBe(true);
    await presence.connect({
      socketId: 'crashed-instance-socket-2',
      userId: bob.id,
      tenantId: bob.tenantId,
    });
    expect(await userIn(t, alice, carol)).toMatchObject({ online: true });

    // PRESENCE_TTL is 3 s and the beat runs every second: due within about 4 s; the bound is
    // generous for a loaded machine, and the time taken is printed, not asserted.
    const crashed = performance.now();
    const offline = await changeOf(bobSocket, (p) => p.userId === carol.id && !p.online, 30_000);
    console.log(`ghost ended after ${Math.round(performance.now() - crashed)} ms (TTL 3 s)`);
    expect(offline).toEqual({ userId: carol.id, online: false, lastSeenAt: expect.any(String) });
    expect(await userIn(t, alice, carol)).toMatchObject({
      online: false,
      lastSeenAt: offline.lastSeenAt,
    });
    expect(await redis.zscore('presence:all', `${carol.tenantId}:${carol.id}`)).toBeNull();

    // bob's live socket kept him online through the sweep; once it closes, the ghost socket
    // does not keep him online either.
    await bobSocket.settle(BATCH_WINDOW_MS);
    expect(changesOf(bobSocket, bob).filter((p) => !p.online)).toEqual([]);
    expect(await userIn(t, alice, bob)).toMatchObject({ online: true });
    const aliceSocket = await socketOf(t, alice);
    await follow(aliceSocket, bob);
    bobSocket.close();
    await changeOf(aliceSocket, (p) => p.userId === bob.id && !p.online);
    expect(await userIn(t, alice, bob)).toMatchObject({ online: false });
  });
});
