import type { Ack, MessageView, NotificationPage } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { ConnectionGateway } from '../src/realtime/connection.gateway';
import type { AppServer } from '../src/realtime/socket-types';
import { startApp, type TestApp } from './app';
import { as, createGroup, freshTenant, type Person } from './messaging';
import { waitForIdleQueues } from './queues-idle';
import { OwnRedis } from './redis-server';
import { closeSockets, connectError, connectSocket } from './sockets';
import { SmtpSink } from './smtp-sink';
import { waitFor } from './wait-for';
import {
  forgetEarlierSuitesWork,
  startWorker,
  stopWorker,
  type WorkerProcess,
} from './worker-process';

// What README ("Queues") and docs/scaling.md ("Faults") promise while Redis is down, with an API
// and a worker process on a Redis of their own that the test stops and starts again.
describe('Redis down, then back', () => {
  let redis: OwnRedis;
  let t: TestApp;
  let worker: WorkerProcess | undefined;
  const smtp = new SmtpSink();

  beforeAll(async () => {
    await smtp.start();
    redis = await OwnRedis.start();
    t = await startApp({ REDIS_URL: redis.url });
    await forgetEarlierSuitesWork(t.db);
  });
  afterEach(async () => {
    await closeSockets();
    await stopWorker(worker);
    worker = undefined;
    // Each test starts with Redis up, whatever the previous one left.
    if (redisIsDown) await redisUp();
  });
  afterAll(async () => {
    await t?.close();
    await redis?.stop();
    await smtp.stop();
  });

  const health = async () => (await t.http.get('/api/health')).status;
  let redisIsDown = false;
  const redisDown = async () => {
    redisIsDown = true;
    await redis.down();
    await waitFor(async () => (await health()) === 503, 20_000, '/api/health 503');
  };
  const redisUp = async () => {
    await redis.up();
    redisIsDown = false;
    await waitFor(async () => (await health()) === 200, 20_000, '/api/health 200');
  };
  /** The Socket.IO sockets this instance holds, whoever they are. */
  const serverSockets = () => {
    const server = (t.app.get(ConnectionGateway) as unknown as { server: AppServer }).server;
    return [...server.of('/').sockets.values()].map((socket) => socket.data.user?.id);
  };

  it('refuses a new socket with "unavailable" while Redis is down, keeps nothing of it, and admits it once Redis is back', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const open = await connectSocket(t.url, alice!.token);
    expect(serverSockets()).toEqual([alice!.id]);

    await redisDown();
    // Sessions cannot be checked: the handshake is refused with the documented code.
    expect(await connectError(t.url, { token: bob!.token })).toBe('unavailable');
    // REST as well: a 503 that says why, never a 500.
    const rest = await as(t, bob!).get('/api/conversations');
    expect([rest.status, rest.body]).toEqual([
      503,
      {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Sessions cannot be checked now; try again in a moment',
        code: 'unavailable',
      },
    ]);
    // Nothing half-open: the instance holds the socket of before, and none for Bob.
    expect(serverSockets()).toEqual([alice!.id]);
    expect(open.connected).toBe(true);

    await redisUp();
    const again = await connectSocket(t.url, bob!.token);
    expect(again.connected).toBe(true);
    expect(serverSockets().sort()).toEqual([alice!.id, bob!.id].sort());
  });

  it('notifies the absent member, once, of a message accepted while Redis was down', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const group = await createGroup(t, alice!, [bob!]);
    const [{ email: bobAddress }] = await t.db.query(`SELECT email FROM users WHERE id = $1`, [
      bob!.id,
    ]);
    worker = await startWorker({
      REDIS_URL: redis.url,
      SMTP_URL: smtp.url,
      MESSAGE_EMAIL_DELAY: '1s',
    });
    // Alice's socket was open before the outage: it goes on sending.
    const aliceSocket = await connectSocket(t.url, alice!.token);

    await redisDown();
    const clientMessageId = randomUUID();
    const ack = (await aliceSocket.emit('message:send', {
      conversationId: group.id,
      clientMessageId,
      body: 'Envoyé pendant la panne',
    })) as Ack<MessageView>;
    expect(ack).toMatchObject({ ok: true, data: { body: 'Envoyé pendant la panne', seq: 1 } });
    const message = (ack as { data: MessageView }).data;
    // Accepted: kept in the outbox, in the message's own transaction, for the worker to relay.
    const kept = await t.db.query(`SELECT queue, name FROM outbox WHERE data->>'messageId' = $1`, [
      message.id,
    ]);
    expect(kept).toEqual([{ queue: 'notifications', name: 'message.sent' }]);
    // The relay tried to move it to the queue and could not: the outage outlasted its attempt.
    await waitFor(
      () => worker!.output().includes('relay paused'),
      30_000,
      'the relay to fail on the outage',
    );
    expect(kept).toHaveLength(1);

    await redisUp();
    // The same worker, which lived through the outage, does the rest.
    expect(worker.child.exitCode).toBeNull();
    const notificationsOf = async (who: Person) =>
      (await as(t, who).get('/api/notifications').expect(200)).body as NotificationPage;
    await waitFor(
      async () => (await notificationsOf(bob!)).items.length > 0,
      30_000,
      "Bob's notification",
    );
    await waitFor(() => smtp.to(bobAddress).length > 0, 30_000, "Bob's email");
    // Everything relayed and done: nothing left to produce a second notification or email.
    await waitForIdleQueues(t.db, redis.url);

    const page = await notificationsOf(bob!);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      type: 'message',
      title: 'Nouveau message de Alice Martin',
      body: 'Envoyé pendant la panne',
      data: { conversationId: group.id, count: 1 },
    });
    expect(smtp.to(bobAddress).map((mail) => mail.subject)).toEqual([
      'Nouveau message de Alice Martin',
    ]);
    expect((await notificationsOf(alice!)).items).toEqual([]);
  });
});
