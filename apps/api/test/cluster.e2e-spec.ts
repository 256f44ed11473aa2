import { changeOf, follow } from './presence-follow';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startFront, type Front } from '../src/cluster/front';
import { dataSourceOptions } from '../src/database/data-source';
import { startApiProcess, stopApiProcess, type ApiProcess } from './api-process';
import { differences, Follower } from './follower';
import { createGroup, SEND_FREELY, signIn, storedMessages, type DemoPeople } from './messaging';
import { closeSockets, connectSocket } from './sockets';

/**
 * The cluster as `pnpm nx run api:cluster` runs it: built API processes on their own ports, one
 * PostgreSQL and one Redis, and the front spreading connections over them.
 */
describe('a cluster of API processes behind the front', () => {
  let a: ApiProcess;
  let b: ApiProcess;
  let front: Front;
  let people: DemoPeople;
  let owner: DataSource;
  const followers: Follower[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startApiProcess(SEND_FREELY), startApiProcess(SEND_FREELY)]);
    front = await startFront([a.url, b.url]);
    people = await signIn({ http: request(a.url) });
    owner = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
  }, 60_000);
  afterEach(() => closeSockets());
  afterAll(async () => {
    followers.forEach((f) => f.close());
    await front?.close();
    await Promise.all([stopApiProcess(a), stopApiProcess(b)]);
    await owner?.destroy();
  });

  it('carries messages, typing, read receipts and presence both ways between instances', async () => {
    const { alice, bob, carol } = people;
    const [aliceOnA, bobOnB] = await Promise.all([
      connectSocket(a.url, alice.token),
      connectSocket(b.url, bob.token),
    ]);
    const group = await createGroup({ http: request(front.url) }, alice, [bob, carol]);
    await bobOnB.waitFor('conversation:new', (c) => c.id === group.id);

    const fromA = await aliceOnA.ok('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: 'de A vers B',
    });
    expect(await bobOnB.waitFor('message:new', (m) => m.id === fromA.id)).toEqual(fromA);
    const fromB = await bobOnB.ok('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: 'de B vers A',
    });
    expect(await aliceOnA.waitFor('message:new', (m) => m.id === fromB.id)).toEqual(fromB);

    await aliceOnA.ok('typing', { conversationId: group.id, typing: true });
    await bobOnB.waitFor('typing', (t) => t.userId === alice.id && t.typing);
    await bobOnB.ok('typing', { conversationId: group.id, typing: true });
    await aliceOnA.waitFor('typing', (t) => t.userId === bob.id && t.typing);

    // Read receipts (each sender has read their own): alice reads bob's on A, bob sees ✓✓ on B;
    // bob reads alice's next one on B, alice sees it on A.
    await aliceOnA.ok('conversation:read', { conversationId: group.id, seq: 2 });
    await bobOnB.waitFor('read:updated', (r) => r.userId === alice.id && r.seq === 2);
    const third = await aliceOnA.ok('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: 'lu ?',
    });
    await bobOnB.ok('conversation:read', { conversationId: group.id, seq: third.seq });
    await aliceOnA.waitFor('read:updated', (r) => r.userId === bob.id && r.seq === third.seq);

    // Presence (to those who follow carol): online on A is seen on B, online on B is seen on A;
    // her leaving too.
    await follow(bobOnB, carol);
    await follow(aliceOnA, carol);
    const carolOnA = await connectSocket(a.url, carol.token);
    await changeOf(bobOnB, (p) => p.userId === carol.id && p.online);
    carolOnA.close();
    await changeOf(bobOnB, (p) => p.userId === carol.id && !p.online);
    const carolOnB = await connectSocket(b.url, carol.token);
    await changeOf(aliceOnA, (p) => p.userId === carol.id && p.online);
    carolOnB.close();
    await changeOf(aliceOnA, (p) => p.userId === carol.id && !p.online);
  });

  it('spreads sockets over the instances; a SIGKILLed instance’s clients go on on the other, nothing lost or doubled', async () => {
    const { alice, bob, carol } = people;
    const group = await createGroup({ http: request(front.url) }, alice, [bob, carol]);
    // Four clients through the front, one after the other: two land on each instance.
    for (const who of [alice, bob, carol, alice]) {
      const follower = new Follower(front.url, who.token, [group.id]);
      followers.push(follower);
      await follower.ready();
    }
    const [aliceTab, bobClient] = [followers[0]!, followers[1]!];

    const PER_SENDER = 25;
    // Instance A dies at the 15th stored message, while the two senders are mid-way.
    let sent = 0;
    let fifteenSent!: () => void;
    const fifteen = new Promise<void>((resolve) => (fifteenSent = resolve));
    const sendAll = async (from: Follower, name: string) => {
      for (let i = 1; i <= PER_SENDER; i++) {
        await from.send(group.id, randomUUID(), `${name} ${i}`);
        if (++sent === 15) fifteenSent();
      }
    };
    const sending = Promise.all([sendAll(aliceTab, 'alice'), sendAll(bobClient, 'bob')]);
    await fifteen;
    a.child.kill('SIGKILL');
    expect((await a.exited).signal).toBe('SIGKILL');
    await sending;

    const stored = (await storedMessages({ db: owner }, group.id)).map((row) => ({
      id: row.id,
      seq: row.seq,
    }));
    expect(stored).toHaveLength(2 * PER_SENDER);
    // Every client catches up (as its gap timer would ask) and holds each message once, in order.
    for (const follower of followers) {
      // A client the killed instance held asks once it is connected again (to the other one).
      await follower.sync().catch(() => follower.ready().then(() => follower.sync()));
      expect(differences(follower, group.id, stored)).toEqual([]);
      expect(follower.conflicts).toBe(0);
    }
    // The two clients the killed instance held came back (through the front, to the other one).
    expect(followers.map((f) => f.connections).sort()).toEqual([1, 1, 2, 2]);
    expect(front.alive()).toEqual([new URL(b.url).toString()]);
  });
});
