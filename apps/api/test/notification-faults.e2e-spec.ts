import type { NotificationPage } from '@mindsp/contracts';
import { Queue } from 'bullmq';
import { QUEUES, queueConnection } from '../src/queues/queue-connection';
import { startApp, type TestApp } from './app';
import { waitForIdleQueues } from './queues-idle';
import { as, createGroup, freshTenant, send, socketOf, type Person } from './messaging';
import { closeSockets, sleep } from './sockets';
import { SmtpSink } from './smtp-sink';
import { waitFor } from './wait-for';
import {
  forgetEarlierSuitesWork,
  startWorker,
  stopWorker,
  type WorkerProcess,
} from './worker-process';

// Notifications when parts fail: the SMTP server away, a worker killed mid-email, no worker (or no
// Redis for the relay) when a message is accepted.
describe('notification faults', () => {
  let t: TestApp;
  let worker: WorkerProcess | undefined;
  const smtp = new SmtpSink();
  const emails = new Queue(QUEUES.emails, {
    connection: queueConnection(process.env.REDIS_URL!),
    prefix: 'mindsp',
  });
  /** Stall detection in a second or two, so a killed worker's job runs again soon. */
  const workerEnv = () => ({
    SMTP_URL: smtp.url,
    MESSAGE_EMAIL_DELAY: '1s',
    // A mention's email check is delayed 2 min by default: the queues would not be idle before it.
    MENTION_EMAIL_DELAY: '1s',
    // A short grace before the absent are notified of a message (10 s by default): the worker's
    // to apply, as it coalesces.
    MESSAGE_NOTIFY_DELAY: '2s',
    QUEUE_LOCK_DURATION: '2000',
    QUEUE_STALLED_INTERVAL: '1000',
  });

  beforeAll(async () => {
    await smtp.start();
    t = await startApp();
    await forgetEarlierSuitesWork(t.db);
  });
  afterEach(async () => {
    closeSockets();
    await stopWorker(worker);
    worker = undefined;
  });
  afterAll(async () => {
    await emails.close();
    await t.close();
    await smtp.stop();
  });

  const notificationsOf = async (who: Person) =>
    (await as(t, who).get('/api/notifications').expect(200)).body as NotificationPage;
  const announce = async (admin: Person, title: string) =>
    (
      await as(t, admin)
        .post('/api/admin/announcements')
        .send({ title, body: 'Consigne' })
        .expect(201)
    ).body.announcementId as string;
  const emailJobId = (who: Person, announcementId: string) =>
    `email-${who.id}-announcement-${announcementId}-0`;
  const addressOf = async (who: Person) =>
    (await t.db.query(`SELECT email FROM users WHERE id = $1`, [who.id]))[0].email as string;

  it('retries an email while SMTP is down, with backoff, and delivers it once when it is back', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const address = await addressOf(bob!);
    await smtp.stop();
    worker = await startWorker(workerEnv());
    const id = await announce(alice!, 'Malgré la panne');
    await waitFor(
      async () => ((await emails.getJob(emailJobId(bob!, id)))?.attemptsMade ?? 0) >= 2,
      30_000,
      'two failed attempts',
    );
    const failing = await emails.getJob(emailJobId(bob!, id));
    expect(failing!.failedReason).toMatch(/ECONNREFUSED|connect/i);
    expect(await failing!.getState()).toBe('delayed');
    await smtp.start();
    await waitFor(() => smtp.to(address).length === 1, 30_000, 'the email');
    const job = await emails.getJob(emailJobId(bob!, id));
    await waitFor(async () => (await job!.getState()) === 'completed');
    await waitForIdleQueues(t.db);
    expect(smtp.to(address)).toHaveLength(1);
    expect(smtp.to(address)[0]!.subject).toBe('Malgré la panne');
  });

  it('runs an email job again after its worker was killed mid-send; the notification exists once', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const address = await addressOf(bob!);
    let release!: () => void;
    smtp.hold = new Promise<void>((resolve) => (release = resolve));
    const held = new Promise<void>((resolve) => (smtp.onHeld = resolve));
    worker = await startWorker(workerEnv());
    const id = await announce(alice!, 'Interrompu');
    await held;
    // The SMTP server sits on its answer: the worker is mid-job, holding the job's lock.
    worker.child.kill('SIGKILL');
    await worker.exited;
    smtp.hold = undefined;
    release();
    expect(await (await emails.getJob(emailJobId(bob!, id)))!.getState()).toBe('active');

    worker = await startWorker(workerEnv());
    await waitFor(() => smtp.to(address).length === 1, 30_000, 'the email, sent again');
    const job = await emails.getJob(emailJobId(bob!, id));
    await waitFor(async () => (await job!.getState()) === 'completed');
    expect(smtp.to(address)).toHaveLength(1);
    const rows = await t.db.query(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1`,
      [bob!.id],
    );
    expect(rows[0].count).toBe(1);
    expect((await notificationsOf(bob!)).items.map((n) => n.title)).toEqual(['Interrompu']);
  });

  it('notifies of a message accepted while no worker ran, once one starts', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const address = await addressOf(bob!);
    const group = await createGroup(t, alice!, [bob!]);
    const message = await send(t, alice!, group.id, 'Pendant la coupure');
    // Kept in the outbox, in the message's own transaction.
    const kept = await t.db.query(`SELECT job_id FROM outbox WHERE data->>'messageId' = $1`, [
      message.id,
    ]);
    expect(kept).toHaveLength(1);
    expect((await notificationsOf(bob!)).items).toHaveLength(0);

    worker = await startWorker(workerEnv());
    await waitFor(async () => (await notificationsOf(bob!)).items.length === 1);
    expect((await notificationsOf(bob!)).items[0]!.title).toBe('Nouveau message de Alice Martin');
    await waitFor(() => smtp.to(address).length === 1, 30_000, 'the message email');
    expect(smtp.to(address)[0]!.subject).toBe('Nouveau message de Alice Martin');
  });

  it('records one message.sent event per message; the worker notifies only the members away and the mentioned', async () => {
    const [alice, bob, carol, dave] = await freshTenant(
      t,
      'Alice Martin',
      'Bob Durand',
      'Carol Petit',
      'Dave Moreau',
    );
    const connected = await createGroup(t, alice!, [bob!, carol!]);
    const withDave = await createGroup(t, alice!, [bob!, dave!]);
    await Promise.all([socketOf(t, bob!), socketOf(t, carol!)]);
    const eventsOf = async (messageId: string) =>
      (await t.db.query(
        `SELECT name, job_id, data, run_at FROM outbox WHERE data->>'messageId' = $1`,
        [messageId],
      )) as { name: string; job_id: string; data: object; run_at: Date | null }[];

    // The send states what happened, once, whoever is connected: presence is the worker's to ask.
    const live = await send(t, alice!, connected.id, 'Tout le monde est là');
    expect(await eventsOf(live.id)).toEqual([
      expect.objectContaining({ name: 'message.sent', job_id: `message-sent-${live.id}` }),
    ]);
    const mention = await send(t, alice!, connected.id, `Tu confirmes <@${bob!.id}> ?`);
    expect(await eventsOf(mention.id)).toEqual([
      {
        name: 'message.sent',
        job_id: `message-sent-${mention.id}`,
        data: {
          tenantId: alice!.tenantId,
          conversationId: connected.id,
          messageId: mention.id,
          senderId: alice!.id,
          seq: mention.seq,
          mentions: true,
        },
        // Relayed at once: whether it waits is the notifications' call.
        run_at: null,
      },
    ]);
    // Dave has no socket: notified after the grace.
    const away = await send(t, alice!, withDave.id, 'Dave est en intervention');
    expect((await eventsOf(away.id))[0]?.data).toMatchObject({
      messageId: away.id,
      mentions: false,
    });

    worker = await startWorker(workerEnv());
    await waitFor(async () => (await notificationsOf(dave!)).items.length === 1);
    await waitFor(async () => (await notificationsOf(bob!)).items.length === 1);
    expect((await notificationsOf(bob!)).items[0]).toMatchObject({ type: 'mention' });
    // Whatever the messages caused has run: Carol, connected and not mentioned, has nothing.
    await waitForIdleQueues(t.db);
    expect((await notificationsOf(carol!)).items).toHaveLength(0);
    expect((await notificationsOf(bob!)).items).toHaveLength(1);
  });

  it('gives the messages of one moment one job, which notifies each absent member of them all', async () => {
    const [alice, bob, dave] = await freshTenant(t, 'Alice Martin', 'Bob Durand', 'Dave Moreau');
    const group = await createGroup(t, alice!, [bob!, dave!]);
    // From the start of a 2 s window (an instant on the clock: that is the wait), so the five
    // sends fall in the same one.
    await sleep(2000 - (Date.now() % 2000));
    // Bob sends first, and is still told of what Alice sent after him.
    for (const [who, body] of [
      [bob, 'Un'],
      [alice, 'Deux'],
      [bob, 'Trois'],
      [alice, 'Quatre'],
      [alice, 'Cinq'],
    ] as const) {
      await send(t, who!, group.id, body);
    }
    // One event per message, in the sends' transactions.
    const recorded: { job_id: string }[] = await t.db.query(
      `SELECT job_id FROM outbox WHERE data->>'conversationId' = $1`,
      [group.id],
    );
    expect(new Set(recorded.map((r) => r.job_id)).size).toBe(5);

    worker = await startWorker(workerEnv());
    await waitFor(async () => (await notificationsOf(dave!)).items.length === 1, 20_000);
    await waitFor(async () => (await notificationsOf(bob!)).items.length === 1, 20_000);
    await waitForIdleQueues(t.db);
    // The five events became one message job, for the window they fell in.
    const notifications = new Queue(QUEUES.notifications, {
      connection: queueConnection(process.env.REDIS_URL!),
      prefix: 'mindsp',
    });
    const messageJobs = (await notifications.getJobs(['completed'], 0, 1000)).filter(
      (job) => job.name === 'message' && job.data.conversationId === group.id,
    );
    await notifications.close();
    expect(messageJobs).toHaveLength(1);
    expect((await notificationsOf(dave!)).items[0]).toMatchObject({
      title: '5 nouveaux messages de Alice Martin et Bob Durand',
      body: 'Cinq',
      data: { count: 5 },
    });
    expect((await notificationsOf(bob!)).items[0]).toMatchObject({
      title: '2 nouveaux messages de Alice Martin',
      data: { count: 2 },
    });
    expect((await notificationsOf(alice!)).items).toHaveLength(0);
  });
});
