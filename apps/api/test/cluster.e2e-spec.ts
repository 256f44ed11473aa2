import { changeOf, follow } from './presence-follow';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startHaproxy, type Haproxy } from '../src/cluster/haproxy';
import { dataSourceOptions } from '../src/database/data-source';
import { freePort, startApiProcess, stopApiProcess, type ApiProcess } from './api-process';
import { differences, Follower } from './follower';
import {
  createGroup,
  send,
  SEND_FREELY,
  signIn,
  storedMessages,
  type DemoPeople,
} from './messaging';
import { closeSockets, connectSocket, sleep } from './sockets';
import { waitFor } from './wait-for';

/**
 * The cluster as `pnpm nx run api:cluster` runs it: built API processes on their own ports, one
 * PostgreSQL and one Redis, and Debian's HAProxy before them with the repository's configuration
 * (docker/haproxy/haproxy.cfg).
 */
describe('a cluster of API processes behind HAProxy', () => {
  let a: ApiProcess;
  let b: ApiProcess;
  let haproxy: Haproxy;
  let people: DemoPeople;
  let owner: DataSource;
  const followers: Follower[] = [];

  beforeAll(async () => {
    [a, b] = await Promise.all([startApiProcess(SEND_FREELY), startApiProcess(SEND_FREELY)]);
    haproxy = await startHaproxy(
      [
        { name: 'a', port: a.port },
        { name: 'b', port: b.port },
      ],
      { port: await freePort() },
    );
    people = await signIn({ http: request(a.url) });
    owner = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
  }, 60_000);
  afterEach(() => closeSockets());
  afterAll(async () => {
    followers.forEach((f) => f.close());
    await haproxy?.stop();
    await Promise.all([stopApiProcess(a), stopApiProcess(b)]);
    await owner?.destroy();
  });

  const statesAre = (expected: Record<string, string>, what: string) =>
    waitFor(
      async () => JSON.stringify(await haproxy.states()) === JSON.stringify(expected),
      15_000,
      what,
    );

  /** Sends PER_SENDER messages from each follower, one after the other, while `meanwhile` runs. */
  async function underTraffic(
    groupId: string,
    senders: Follower[],
    meanwhile: () => Promise<void>,
  ): Promise<number> {
    const PER_SENDER = 25;
    let sent = 0;
    const sendAll = async (from: Follower, n: number) => {
      for (let i = 1; i <= PER_SENDER; i++) {
        await from.send(groupId, randomUUID(), `sender ${n}, ${i}`);
        sent += 1;
        await sleep(10);
      }
    };
    const sending = Promise.all(senders.map((from, n) => sendAll(from, n)));
    while (sent < 15) await sleep(20);
    await meanwhile();
    await sending;
    return senders.length * PER_SENDER;
  }

  /** Every follower catches up (as its gap timer would ask) and holds each message once, in order. */
  async function everyoneHoldsAll(groupId: string, expected: number) {
    const stored = (await storedMessages({ db: owner }, groupId)).map((row) => ({
      id: row.id,
      seq: row.seq,
    }));
    expect(stored).toHaveLength(expected);
    for (const follower of followers) {
      for (let i = 0; follower.cursor(groupId) < stored.length && i < 50; i++) {
        await follower.sync().catch(() => sleep(200));
      }
      expect(differences(follower, groupId, stored)).toEqual([]);
      expect(follower.conflicts).toBe(0);
    }
  }

  it('carries messages, typing, read receipts and presence both ways between instances', async () => {
    const { alice, bob, carol } = people;
    const [aliceOnA, bobOnB] = await Promise.all([
      connectSocket(a.url, alice.token),
      connectSocket(b.url, bob.token),
    ]);
    const group = await createGroup({ http: request(haproxy.url) }, alice, [bob, carol]);
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

  it('keeps a long-polling Socket.IO session on its instance by the cookie it sets', async () => {
    const polling = `${haproxy.url}/socket.io/?EIO=4&transport=polling`;
    const open = await fetch(polling);
    expect(open.status).toBe(200);
    const cookie = open.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^mindsp_instance=\w+/);
    const { sid } = JSON.parse((await open.text()).slice(1)) as { sid: string };
    const session = `${polling}&sid=${sid}`;
    // Socket.IO's connect, with a token, over long-polling: every request reaches the one
    // instance that knows the session, whichever HAProxy would pick for a new connection.
    const connectPacket = `40${JSON.stringify({ token: people.alice.token })}`;
    const posted = await fetch(session, {
      method: 'POST',
      headers: { cookie },
      body: connectPacket,
    });
    expect([posted.status, await posted.text()]).toEqual([200, 'ok']);
    const answer = await fetch(session, { headers: { cookie } });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/^40\{"sid":/);
    for (let i = 0; i < 4; i++) {
      const ping = await fetch(session, { method: 'POST', headers: { cookie }, body: '3' });
      expect(ping.status).toBe(200);
    }
    // Without the cookie, the other instance gets some of them, and does not know the session.
    const statuses = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const stray = await fetch(session, { method: 'POST', body: '3' });
      statuses.add(stray.status);
      await stray.text();
    }
    expect(statuses).toContain(400);
  });

  it('spreads sockets over the instances; a SIGKILLed instance’s clients go on on the other, nothing lost or doubled', async () => {
    const { alice, bob, carol } = people;
    const group = await createGroup({ http: request(haproxy.url) }, alice, [bob, carol]);
    // Four clients through HAProxy, one after the other: the instance with fewer takes the next.
    for (const who of [alice, bob, carol, alice]) {
      const follower = new Follower(haproxy.url, who.token, [group.id]);
      followers.push(follower);
      await follower.ready();
    }
    const expected = await underTraffic(group.id, followers.slice(0, 2), async () => {
      a.child.kill('SIGKILL');
      expect((await a.exited).signal).toBe('SIGKILL');
    });
    await everyoneHoldsAll(group.id, expected);
    // The two clients the killed instance held came back (through HAProxy, to the other one).
    expect(followers.map((f) => f.connections).sort()).toEqual([1, 1, 2, 2]);
    await statesAre({ a: 'DOWN', b: 'UP' }, 'HAProxy sees a down');
    // Started again on its port, it is taken back once its health checks pass.
    a = await startApiProcess({ ...SEND_FREELY, PORT: String(a.port) });
    await statesAre({ a: 'UP', b: 'UP' }, 'HAProxy sees a up again');
  });

  it('drains an instance under traffic, then stops it: its clients and requests go on on the other, nothing lost', async () => {
    const { alice, bob } = people;
    const group = await createGroup({ http: request(haproxy.url) }, alice, [bob, people.carol]);
    for (const follower of followers) follower.conversationIds.push(group.id);
    for (const follower of followers) follower.held.set(group.id, new Map());
    // REST sends through HAProxy all along: each must answer 201.
    const viaRest: string[] = [];
    let restDone = false;
    const restSending = (async () => {
      for (let i = 0; !restDone; i++) {
        viaRest.push((await send({ http: request(haproxy.url) }, bob, group.id, `rest ${i}`)).id);
      }
    })();
    const sockets = await underTraffic(group.id, followers.slice(0, 2), async () => {
      await haproxy.drain('b');
      await statesAre({ a: 'UP', b: 'DRAIN' }, 'b draining');
      await stopApiProcess(b);
    });
    restDone = true;
    await restSending;
    await everyoneHoldsAll(group.id, sockets + viaRest.length);
    // b held all four clients (a was down when they came back): each reconnected once more, to a.
    expect(followers.map((f) => f.connections).sort()).toEqual([2, 2, 3, 3]);
  });

  it('answers 503 with Retry-After while no instance is up', async () => {
    await stopApiProcess(a);
    await statesAre({ a: 'DOWN', b: 'DOWN' }, 'both down');
    const res = await fetch(`${haproxy.url}/api/health`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'No API instance is up; try again in a few seconds',
    });
  });
});
