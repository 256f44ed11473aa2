import type { Ack, MessageView } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startApp, type TestApp } from './app';
import { differences, Follower } from './follower';
import { as, createGroup, SEND_FREELY, signIn, storedMessages } from './messaging';
import { OwnRedis } from './redis-server';
import { closeSockets, connectSocket, sleep } from './sockets';
import { TcpProxy } from './tcp-proxy';

/** How long a client waits for an answer while the database is cut: far past the server's 5 s. */
const ANSWER_BOUND_MS = 30_000;

/** Polls GET /api/health until it answers `status`; fails after `tries`. */
async function healthBecomes(t: TestApp, status: number, tries = 100) {
  for (let i = 0; i < tries; i++) {
    const res = await t.http.get('/api/health');
    if (res.status === status) return res.body as { database: string; redis: string };
    await sleep(200);
  }
  throw new Error(`/api/health never answered ${status}`);
}

describe('faults survived', () => {
  afterEach(() => closeSockets());

  describe('Redis restarted during traffic', () => {
    let redis: OwnRedis;
    let t: TestApp;
    const followers: Follower[] = [];

    beforeAll(async () => {
      redis = await OwnRedis.start();
      t = await startApp({ REDIS_URL: redis.url, ...SEND_FREELY });
    });
    afterAll(async () => {
      followers.forEach((f) => f.close());
      // Let the server finish their disconnects (presence goes out through the adapter) first.
      await sleep(300);
      await t?.close();
      await redis?.stop();
    });

    it('keeps storing sends, says 503 while it is down, recovers by itself, each message once', async () => {
      const { alice, bob } = await signIn(t);
      const group = await createGroup(t, alice, [bob]);
      const [sender, reader] = [alice, bob].map(
        (who) => new Follower(t.url, who.token, [group.id]),
      );
      followers.push(sender!, reader!);
      await Promise.all(followers.map((f) => f.ready()));
      const ids: string[] = [];
      const sendSome = async (count: number) => {
        for (let i = 0; i < count; i++) {
          const id = randomUUID();
          ids.push(id);
          await sender!.send(group.id, id, `message ${ids.length}`);
        }
      };
      await sendSome(5);

      await redis.down();
      expect(await healthBecomes(t, 503)).toMatchObject({ redis: 'down', database: 'up' });
      // Sockets authenticated before go on sending: every send is acknowledged and stored.
      const whileDown = randomUUID();
      const ack = (await sender!.socket.timeout(10_000).emitWithAck('message:send', {
        conversationId: group.id,
        clientMessageId: whileDown,
        body: 'Redis en panne',
      })) as Ack<MessageView>;
      expect(ack).toMatchObject({ ok: true, data: { body: 'Redis en panne' } });
      ids.push(whileDown);
      await sendSome(5);
      // REST cannot check sessions meanwhile: a clear 503, never a 500.
      const rest = await as(t, alice)
        .post(`/api/conversations/${group.id}/messages`)
        .send({ clientMessageId: randomUUID(), body: 'par REST' });
      expect(rest.status).toBe(503);

      await redis.up();
      expect(await healthBecomes(t, 200)).toMatchObject({ redis: 'up', database: 'up' });
      await sendSome(5);
      // The same send again after the outage is the same message.
      expect(await sender!.send(group.id, whileDown, 'Redis en panne')).toMatchObject({
        body: 'Redis en panne',
      });

      const stored = await storedMessages(t, group.id);
      expect(stored.map((row) => row.client_message_id)).toEqual(ids);
      for (const follower of followers) {
        for (let i = 0; follower.cursor(group.id) < stored.length && i < 50; i++) {
          await follower.sync().catch(() => sleep(200));
        }
        expect(differences(follower, group.id, stored)).toEqual([]);
      }
    });
  });

  describe('PostgreSQL unreachable for a few seconds', () => {
    let proxy: TcpProxy;
    let t: TestApp;
    let direct: Client;

    beforeAll(async () => {
      const database = new URL(process.env.DATABASE_URL!);
      proxy = await TcpProxy.start({
        host: database.hostname,
        port: Number(database.port || 5432),
      });
      const viaProxy = new URL(database);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      t = await startApp({ DATABASE_URL: viaProxy.toString(), ...SEND_FREELY });
      direct = new Client({ connectionString: database.toString() });
      await direct.connect();
    });
    afterAll(async () => {
      proxy?.restore();
      await t?.close();
      await proxy?.close();
      await direct?.end();
    });

    it('answers unavailable instead of hanging (its time printed); the retry stores the message once', async () => {
      const { alice, bob } = await signIn(t);
      const group = await createGroup(t, alice, [bob]);
      const socket = await connectSocket(t.url, alice.token);
      const clientMessageId = randomUUID();
      const input = { conversationId: group.id, clientMessageId, body: 'pendant la coupure' };

      proxy.blackhole();
      // A socket send and a REST send: both get their answer while the database is still cut.
      // The server's budget is DATABASE_CONNECT_TIMEOUT (2 s) + DATABASE_QUERY_TIMEOUT (3 s): a
      // client bound of exactly 5 s left no margin on a loaded machine, so the bound is generous
      // (what it shows is "an answer, not a hang") and the time is printed.
      const started = Date.now();
      const ack = (await socket.socket
        .timeout(ANSWER_BOUND_MS)
        .emitWithAck('message:send', input)) as Ack<MessageView>;
      const socketAnsweredMs = Date.now() - started;
      expect(ack).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      const rest = await as(t, alice)
        .post(`/api/conversations/${group.id}/messages`)
        .timeout(ANSWER_BOUND_MS)
        .send({ clientMessageId, body: input.body });
      expect(rest.status).toBe(503);
      expect(rest.body.message).toMatch(/database is unavailable/);
      expect((await t.http.get('/api/health').timeout(ANSWER_BOUND_MS)).body).toMatchObject({
        database: 'down',
      });
      console.log(
        `PostgreSQL cut: the socket send was answered "unavailable" in ${socketAnsweredMs} ms`,
      );

      proxy.restore();
      // The client retries with the same clientMessageId until it gets the message, once.
      let stored: MessageView | undefined;
      for (let i = 0; !stored && i < 40; i++) {
        const retry = (await socket.emit('message:send', input)) as Ack<MessageView>;
        if (retry.ok) stored = retry.data;
        else await sleep(250);
      }
      expect(stored).toMatchObject({ body: input.body, seq: 1 });
      expect(await socket.ok('message:send', input)).toEqual(stored);
      const { rows } = await direct.query('SELECT id FROM messages WHERE client_message_id = $1', [
        clientMessageId,
      ]);
      expect(rows).toEqual([{ id: stored!.id }]);
    });
  });
});
