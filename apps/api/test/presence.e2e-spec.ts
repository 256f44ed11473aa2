import type { Page, UserSummary } from '@mindsp/contracts';
import type Redis from 'ioredis';
import { PresenceService } from '../src/people/presence.service';
import { REDIS } from '../src/redis/redis.module';
import { startApp, type TestApp } from './app';
import { as, signIn, socketOf, type Person } from './messaging';
import { closeSockets, type TestSocket } from './sockets';

async function userIn(t: TestApp, caller: Person, who: Person) {
  const page = (await as(t, caller).get('/api/users').query({ limit: 100 }).expect(200))
    .body as Page<UserSummary>;
  const found = page.items.find((u) => u.id === who.id);
  if (!found) throw new Error(`${who.name} is not listed`);
  return found;
}

const about = (who: Person) => (p: { userId: string }) => p.userId === who.id;

describe('presence', () => {
  let t: TestApp;
  let alice: Person;
  let bob: Person;
  let carol: Person;
  let dave: Person;

  // A short expiry, so that a crashed instance's ghosts go within the test: beats every second.
  beforeAll(async () => {
    t = await startApp({ PRESENCE_TTL: '3' });
    ({ alice, bob, carol, dave } = await signIn(t));
  });
  afterEach(() => closeSockets());
  afterAll(() => t.close());

  it('is online with the first tab, offline with the last one closed, and tells the tenant only', async () => {
    const [bobSocket, daveSocket] = await Promise.all([socketOf(t, bob), socketOf(t, dave)]);
    expect(await userIn(t, bob, alice)).toMatchObject({ online: false });

    const tab1 = await socketOf(t, alice);
    const tab2 = await socketOf(t, alice);
    expect(await bobSocket.waitFor('presence', about(alice))).toEqual({
      userId: alice.id,
      online: true,
      lastSeenAt: null,
    });
    await bobSocket.settle();
    expect(bobSocket.all('presence', about(alice))).toHaveLength(1);
    expect(await userIn(t, bob, alice)).toMatchObject({ online: true, lastSeenAt: null });

    // One tab closed: still online, nobody is told otherwise.
    tab1.close();
    await bobSocket.expectNone('presence', (p) => p.userId === alice.id && !p.online, 500);
    expect(await userIn(t, bob, alice)).toMatchObject({ online: true });

    // The last one: offline, with when she was last seen.
    tab2.close();
    const offline = await bobSocket.waitFor('presence', (p) => p.userId === alice.id && !p.online);
    expect(offline).toEqual({ userId: alice.id, online: false, lastSeenAt: expect.any(String) });
    expect(new Date(offline.lastSeenAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await userIn(t, bob, alice)).toEqual(
      expect.objectContaining({ online: false, lastSeenAt: offline.lastSeenAt }),
    );
    await bobSocket.settle();
    expect(bobSocket.all('presence', about(alice)).map((p) => p.online)).toEqual([true, false]);

    // Another tenant heard nothing of it.
    await daveSocket.settle();
    expect(
      daveSocket.all('presence', (p) => [alice.id, bob.id, carol.id].includes(p.userId)),
    ).toEqual([]);
  });

  it('keeps a user online through page reloads (the last tab closed and a new one opened at once)', async () => {
    const bobSocket = await socketOf(t, bob);
    let tab = await socketOf(t, alice);
    await bobSocket.waitFor('presence', (p) => p.userId === alice.id && p.online);
    const seen: boolean[] = [];
    for (let i = 0; i < 20; i++) {
      tab.close();
      tab = await socketOf(t, alice);
      // Whatever the order the server handled the two, what bob saw last must be: online.
      await bobSocket.settle(100);
      seen.push(bobSocket.all('presence', about(alice)).at(-1)!.online);
    }
    expect(seen).toEqual(Array(20).fill(true));
    expect(await userIn(t, bob, alice)).toMatchObject({ online: true });
    tab.close();
    await bobSocket.waitFor('presence', (p) => p.userId === alice.id && !p.online);
  });

  it('never tells another tenant when its people come and go', async () => {
    const aliceSocket = await socketOf(t, alice);
    const daveSocket = await socketOf(t, dave);
    await aliceSocket.settle();
    expect(aliceSocket.all('presence', about(dave))).toEqual([]);
    daveSocket.close();
    await aliceSocket.expectNone('presence', about(dave), 500);
    // And the user list of demo never shows dave.
    const page = (await as(t, alice).get('/api/users').query({ limit: 100 }).expect(200))
      .body as Page<UserSummary>;
    expect(page.items.map((u) => u.id)).not.toContain(dave.id);
  });

  it('ends the ghosts of a crashed instance within the expiry and one beat', async () => {
    const bobSocket: TestSocket = await socketOf(t, bob);
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

    // PRESENCE_TTL is 3 s and the beat runs every second: allow for both, and a slow machine.
    const offline = await bobSocket.waitFor(
      'presence',
      (p) => p.userId === carol.id && !p.online,
      8000,
    );
    expect(offline).toEqual({ userId: carol.id, online: false, lastSeenAt: expect.any(String) });
    expect(await userIn(t, alice, carol)).toMatchObject({
      online: false,
      lastSeenAt: offline.lastSeenAt,
    });
    expect(await redis.zscore('presence:all', `${carol.tenantId}:${carol.id}`)).toBeNull();

    // bob's live socket kept him online through the sweep; once it closes, the ghost socket
    // does not keep him online either.
    await bobSocket.expectNone('presence', (p) => p.userId === bob.id && !p.online, 1500);
    expect(await userIn(t, alice, bob)).toMatchObject({ online: true });
    const aliceSocket = await socketOf(t, alice);
    bobSocket.close();
    await aliceSocket.waitFor('presence', (p) => p.userId === bob.id && !p.online);
    expect(await userIn(t, alice, bob)).toMatchObject({ online: false });
  });
});
