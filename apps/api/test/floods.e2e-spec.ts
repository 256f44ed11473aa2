import type { ApiError, JobView, NotificationPage, NotificationSettings } from '@mindsp/contracts';
import type { Response } from 'supertest';
import { login, startApp, type TestApp } from './app';
import { as, createGroup, freshTenant, send, SEND_FREELY, type Person } from './messaging';
import { queuesOf } from './scheduled-jobs';
import { SmtpSink } from './smtp-sink';
import { waitFor } from './wait-for';
import {
  forgetEarlierSuitesWork,
  startWorker,
  stopWorker,
  type WorkerProcess,
} from './worker-process';

// Issue 17 §4: floods the limits did not see. Urgent alerts, reminders and announcements are
// limited per sender and per tenant; mention emails are coalesced; a tenant's diagnostic jobs
// cannot hold up another's.

/** A refusal as the contract promises it: 429, the wait in the header and body, a stable code. */
function expectRefused(res: Response) {
  expect(res.status).toBe(429);
  const body = res.body as ApiError;
  expect(body.code).toBe('rate_limited');
  expect(body.retryAfterSeconds).toBeGreaterThan(0);
  expect(res.headers['retry-after']).toBe(String(body.retryAfterSeconds));
}

/** `count` requests at once: a flood, not a loop that a slow server would pace. */
const flood = (count: number, request: (i: number) => PromiseLike<Response>) =>
  Promise.all(Array.from({ length: count }, (_, i) => request(i)));

const statuses = (answers: Response[]) => answers.map((res) => res.status).sort();

/** Signs `who` in again as an admin of their tenant (their token carries the role). */
async function promoted(t: TestApp, who: Person): Promise<Person> {
  await t.db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [who.id]);
  const [row] = await t.db.query(
    `SELECT u.email, t.slug FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.id = $1`,
    [who.id],
  );
  const session = await login(t.http, row.slug, row.email);
  return { ...who, token: session.accessToken };
}

describe('writes a user can repeat are limited per sender and per tenant', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({
      ALERT_LIMIT_PER_USER: '3',
      ALERT_LIMIT_PER_TENANT: '5',
      ALERT_LIMIT_WINDOW: '10m',
      REMINDER_LIMIT_PER_USER: '4',
      REMINDER_LIMIT_PER_TENANT: '6',
      REMINDER_LIMIT_WINDOW: '10m',
      ANNOUNCEMENT_LIMIT_PER_USER: '2',
      ANNOUNCEMENT_LIMIT_PER_TENANT: '3',
      ANNOUNCEMENT_LIMIT_WINDOW: '10m',
    });
  }, 60_000);
  afterAll(() => t.close());

  /** Jobs recorded for the tenant (the outbox: no worker runs in this block to relay them). */
  const outboxOf = async (tenantId: string, name: string) =>
    Number(
      (
        await t.db.query(`SELECT count(*) FROM outbox WHERE tenant_id = $1 AND name = $2`, [
          tenantId,
          name,
        ])
      )[0].count,
    );

  it('accepts the first urgent alerts of a sender, refuses the rest with the wait, and stores only those', async () => {
    const [ada, ben, cyd, dan] = (await freshTenant(
      t,
      'Ada Admin',
      'Ben Member',
      'Cyd Member',
      'Dan Member',
    )) as Person[];
    const group = await createGroup(t, ben!, [cyd!, dan!]);
    const alert = (who: Person, input: object) =>
      as(t, who)
        .post('/api/alerts')
        .send({ title: 'Feu de forêt', body: 'Renfort demandé', ...input });

    // Sixty alerts from the group's creator in one burst: three go out.
    const burst = await flood(60, () => alert(ben!, { conversationId: group.id }));
    expect(burst.filter((res) => res.status === 201)).toHaveLength(3);
    const refused = burst.filter((res) => res.status !== 201);
    expect(refused).toHaveLength(57);
    refused.forEach(expectRefused);
    const stored = await t.db.query(`SELECT id FROM alerts WHERE sender_id = $1`, [ben!.id]);
    expect(stored).toHaveLength(3);
    const recipients = await t.db.query(
      `SELECT count(*) FROM alert_recipients WHERE alert_id = ANY($1::uuid[])`,
      [stored.map((row: { id: string }) => row.id)],
    );
    expect(Number(recipients[0].count)).toBe(3 * 2);
    // One urgent delivery (and its re-notification) per accepted alert; none for the refused.
    expect(await outboxOf(ben!.tenantId, 'deliver')).toBe(3);
    expect(await outboxOf(ben!.tenantId, 'renotify')).toBe(3);

    // The tenant's ceiling (5): the admin, well under her own limit, gets the two left.
    const adminBurst = await flood(5, () => alert(ada!, { userIds: [cyd!.id] }));
    expect(statuses(adminBurst)).toEqual([201, 201, 429, 429, 429]);
    adminBurst.filter((res) => res.status === 429).forEach(expectRefused);
    const inTenant = await t.db.query(`SELECT count(*) FROM alerts WHERE tenant_id = $1`, [
      ada!.tenantId,
    ]);
    expect(Number(inTenant[0].count)).toBe(5);

    // Another organisation is not held back.
    const [pia, quentin] = (await freshTenant(t, 'Pia Admin', 'Quentin Member')) as Person[];
    await alert(pia!, { userIds: [quentin!.id] }).expect(201);
  });

  it('accepts the first reminders of a sender, refuses the rest, and schedules only those', async () => {
    const [ada, ben, cyd, dan] = (await freshTenant(
      t,
      'Ada Admin',
      'Ben Member',
      'Cyd Member',
      'Dan Member',
    )) as Person[];
    const remindAt = new Date(Date.now() + 3_600_000).toISOString();
    const remind = (who: Person, userIds: string[]) =>
      as(t, who)
        .post('/api/reminders')
        .send({ remindAt, title: 'FMPA', body: 'Manœuvre', type: 'reminder', userIds });

    // Sixty reminders to one person in one burst: four are set.
    const burst = await flood(60, () => remind(ben!, [cyd!.id]));
    expect(burst.filter((res) => res.status === 201)).toHaveLength(4);
    const refused = burst.filter((res) => res.status !== 201);
    expect(refused).toHaveLength(56);
    refused.forEach(expectRefused);
    const stored = await t.db.query(`SELECT count(*) FROM reminders WHERE created_by = $1`, [
      ben!.id,
    ]);
    expect(Number(stored[0].count)).toBe(4);
    expect(await outboxOf(ben!.tenantId, 'fire')).toBe(4);

    // The tenant's ceiling (6): Dan gets the two left, Ada none.
    expect(statuses(await flood(4, () => remind(dan!, [cyd!.id])))).toEqual([201, 201, 429, 429]);
    expectRefused(await remind(ada!, [cyd!.id]));
    expect(await outboxOf(ben!.tenantId, 'fire')).toBe(6);
  });

  it('accepts the first announcements of an admin, refuses the rest, and delivers only those', async () => {
    const [ada, ben] = (await freshTenant(t, 'Ada Admin', 'Ben Member', 'Cyd Member')) as Person[];
    const announce = (who: Person) =>
      as(t, who).post('/api/admin/announcements').send({ title: 'Consigne', body: 'Tenue F1' });

    const burst = await flood(20, () => announce(ada!));
    expect(burst.filter((res) => res.status === 201)).toHaveLength(2);
    const refused = burst.filter((res) => res.status !== 201);
    expect(refused).toHaveLength(18);
    refused.forEach(expectRefused);
    expect(await outboxOf(ada!.tenantId, 'deliver')).toBe(2);

    // The tenant's ceiling (3): a second admin gets the one left.
    const other = await promoted(t, ben!);
    expect(statuses(await flood(3, () => announce(other)))).toEqual([201, 429, 429]);
    expect(await outboxOf(ada!.tenantId, 'deliver')).toBe(3);
  });
});

describe('mention emails', () => {
  let t: TestApp;
  let worker: WorkerProcess | undefined;
  const smtp = new SmtpSink();
  let queues: ReturnType<typeof queuesOf>;

  beforeAll(async () => {
    queues = queuesOf('notifications', 'emails');
    await smtp.start();
    t = await startApp(SEND_FREELY);
    await forgetEarlierSuitesWork(t.db);
  }, 120_000);
  afterAll(async () => {
    if (worker) await stopWorker(worker);
    await queues.close();
    await t.close();
    await smtp.stop();
  });

  const notificationsOf = async (who: Person) =>
    (await as(t, who).get('/api/notifications?limit=100').expect(200)).body as NotificationPage;
  const mailsTo = async (who: Person) => {
    const [{ email }] = await t.db.query(`SELECT email FROM users WHERE id = $1`, [who.id]);
    return smtp.to(email);
  };
  /** Nothing waits, runs or is scheduled in the notifications and emails queues. */
  const idle = async () => {
    if (Number((await t.db.query(`SELECT count(*) FROM outbox`))[0].count) > 0) return false;
    for (const queue of [queues.queues.notifications, queues.queues.emails]) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).some((count) => count > 0)) return false;
    }
    return true;
  };

  it('sends one email listing 30 mentions made in seconds, and none in a conversation muted', async () => {
    const [alice, bob, carol] = (await freshTenant(
      t,
      'Alice Martin',
      'Bob Durand',
      'Carol Petit',
    )) as Person[];
    const group = await createGroup(t, alice!, [bob!, carol!], 'Astreinte');
    await as(t, bob!)
      .put(`/api/conversations/${group.id}/membership`)
      .send({ muted: true })
      .expect(200);
    // Message emails (after MESSAGE_EMAIL_DELAY) are another cause: off, so only mentions email.
    for (const who of [bob!, carol!]) {
      const settings = (await as(t, who).get('/api/settings/notifications').expect(200))
        .body as NotificationSettings;
      settings.types.message.email = false;
      await as(t, who).put('/api/settings/notifications').send(settings).expect(200);
    }

    const started = Date.now();
    for (let i = 1; i <= 30; i++)
      await send(t, alice!, group.id, `<@${bob!.id}> <@${carol!.id}> point ${i}`);
    console.log(`30 mentions sent in ${Date.now() - started} ms`);
    // The worker starts once all 30 are recorded: the burst is whole in the email's window however
    // slow the sends were (on a loaded machine they outlasted a 3 s window).
    worker = await startWorker({ SMTP_URL: smtp.url, MENTION_EMAIL_DELAY: '3s' });

    // In the app, each mention is there for both (muted or not: being called by name).
    for (const who of [bob!, carol!])
      await waitFor(
        async () =>
          (await notificationsOf(who)).items.filter((n) => n.type === 'mention').length === 30,
        60_000,
        `${who.name}'s 30 mentions`,
      );
    await waitFor(async () => (await mailsTo(carol!)).length > 0, 30_000, "Carol's email");
    await waitFor(idle, 60_000, 'queues idle');

    const mails = await mailsTo(carol!);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Alice Martin : 30 mentions de vous');
    expect(mails[0]!.text).toContain('point 1');
    expect(mails[0]!.text).toContain('point 30');
    // Bob muted the conversation: mentions reach his bell, not his inbox.
    expect(await mailsTo(bob!)).toHaveLength(0);
    const rows = await t.db.query(
      `SELECT user_id, type FROM notification_emails WHERE tenant_id = $1`,
      [alice!.tenantId],
    );
    expect(rows).toEqual([{ user_id: carol!.id, type: 'mention' }]);
  }, 180_000);
});

describe("a tenant's diagnostic jobs cannot hold up another's", () => {
  let t: TestApp;
  let worker: WorkerProcess;

  beforeAll(async () => {
    t = await startApp({ PROBE_LIMIT_PER_TENANT: '5' });
    // Three jobs at once per queue, two of them at most for one tenant's probes.
    worker = await startWorker({ QUEUE_CONCURRENCY: '3', PROBE_CONCURRENCY_PER_TENANT: '2' });
  }, 120_000);
  afterAll(async () => {
    await stopWorker(worker);
    await t.close();
  });

  const probe = (who: Person, input: object) =>
    as(t, who).post('/api/admin/queues/probe').send(input);
  const jobOf = async (who: Person, id: string) =>
    (await as(t, who).get(`/api/admin/queues/maintenance/jobs/${id}`).expect(200)).body as JobView;
  const completed = async (who: Person, id: string) => {
    let view: JobView | undefined;
    await waitFor(
      // The state and the times are read apart: wait for both.
      async () =>
        (view = await jobOf(who, id)).state === 'completed' &&
        !!view.finishedAt &&
        !!view.processedAt,
      60_000,
      `probe ${id}`,
    );
    return view!;
  };

  it("refuses a tenant's probes past its share, and runs another tenant's at once", async () => {
    const [anna] = (await freshTenant(t, 'Anna Admin')) as Person[];
    const [bea] = (await freshTenant(t, 'Bea Admin')) as Person[];

    const flooded = await flood(30, (i) => probe(anna!, { sleepMs: 2000, label: `a${i}` }));
    const accepted = flooded.filter((res) => res.status === 201).map((res) => res.body as JobView);
    expect(accepted).toHaveLength(5);
    const refused = flooded.filter((res) => res.status !== 201);
    expect(refused).toHaveLength(25);
    refused.forEach(expectRefused);
    expect(refused[0]!.body.message).toMatch(/diagnostic jobs/);

    const beaJob = (await probe(bea!, { label: 'b' }).expect(201)).body as JobView;
    const bDone = await completed(bea!, beaJob.id);
    const aDone = await Promise.all(accepted.map((job) => completed(anna!, job.id)));
    const bWait = Date.parse(bDone.finishedAt!) - Date.parse(bDone.createdAt);
    const aDrained = Math.max(...aDone.map((job) => Date.parse(job.finishedAt!)));
    console.log(
      `tenant B's probe done ${bWait} ms after it was sent; tenant A's 5 probes drained ${
        aDrained - Date.parse(bDone.createdAt)
      } ms after it`,
    );
    expect(Date.parse(bDone.finishedAt!)).toBeLessThan(aDrained);
    // Never more than two of Anna's at once. A probe holds its slot for its whole 2 s sleep, so a
    // third can start only once the first of two has slept: any three of her starts span ~2 s.
    // (Overlaps of [processedAt, finishedAt] over-count: a slot is given back just before BullMQ
    // stamps finishedAt, and the next probe may start in between.) Three at once would start
    // within one 500 ms turn of each other.
    const starts = aDone.map((job) => Date.parse(job.processedAt!)).sort((x, y) => x - y);
    for (let i = 0; i + 2 < starts.length; i++)
      expect(starts[i + 2]! - starts[i]!).toBeGreaterThanOrEqual(1000);

    // Her share is free again once they ran.
    await probe(anna!, { label: 'again' }).expect(201);
  }, 120_000);
});
