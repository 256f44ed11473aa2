import type {
  AlertView,
  AttachmentLink,
  AttachmentView,
  LoginResponse,
  ReminderView,
} from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startApp, type TestApp } from './app';
import { as, createGroup, freshTenant, type Person } from './messaging';
import { SmtpSink } from './smtp-sink';
import { closeSockets, connectError, connectSocket } from './sockets';
import { digestJobId } from '../src/notifications/notification-jobs';
import { queuesOf, waitForJob } from './scheduled-jobs';
import { waitFor } from './wait-for';
import {
  forgetEarlierSuitesWork,
  startWorker,
  stopWorker,
  type WorkerProcess,
} from './worker-process';

const FILES_DIR = mkdtempSync(join(tmpdir(), 'mindsp-deactivation-'));
const ENV = {
  FILES_DIR,
  // Many sign-ins of one account at once, all with the right password.
  LOGIN_LIMIT_PER_IP: '10000',
  LOGIN_LIMIT_PER_EMAIL: '10000',
  LOGIN_LIMIT_PER_ACCOUNT: '10000',
  // An alert's second round 2 s after the first (the worker schedules the later ones).
  ALERT_RENOTIFY_DELAY: '2s',
  // Those sign-ins hash at once on a loaded machine: a wait for a connection, not a lost database.
  DATABASE_CONNECT_TIMEOUT: '30s',
  DATABASE_QUERY_TIMEOUT: '30s',
};
/**
 * The worker: a message still unread after 1 s earns its email, an "hourly" digest every 4 s, an
 * alert's next round after 2 s.
 */
const WORKER_ENV = {
  MESSAGE_EMAIL_DELAY: '1s',
  // Mention emails wait this long to gather a burst (2 min by default).
  MENTION_EMAIL_DELAY: '1s',
  EMAIL_DIGEST_HOURLY: '4s',
  ALERT_RENOTIFY_DELAY: '2s',
};

/**
 * Issue 17, section 3: once an admin deactivates someone, they are out of every audience (named
 * ones refused, groups' and everyone's skipped), every delivery (resolved when it is delivered,
 * not when it was recorded), every download link, and every session, sign-ins in flight included.
 */
describe('deactivation', () => {
  let t: TestApp;
  let worker: WorkerProcess | undefined;
  const smtp = new SmtpSink();

  beforeAll(async () => {
    await smtp.start();
    t = await startApp(ENV);
    await forgetEarlierSuitesWork(t.db);
  }, 60_000);
  afterEach(() => closeSockets());
  afterAll(async () => {
    await stopWorker(worker);
    await t.close();
    await smtp.stop();
    rmSync(FILES_DIR, { recursive: true, force: true });
  });

  const ensureWorker = async () => {
    worker ??= await startWorker({ ...WORKER_ENV, SMTP_URL: smtp.url });
  };
  const deactivate = (admin: Person, who: Person) =>
    as(t, admin).post(`/api/users/${who.id}/deactivate`).expect(200);
  const emailOf = async (who: Person): Promise<string> =>
    (await t.db.query(`SELECT email FROM users WHERE id = $1`, [who.id]))[0].email;
  const slugOf = async (who: Person): Promise<string> =>
    (await t.db.query(`SELECT slug FROM tenants WHERE id = $1`, [who.tenantId]))[0].slug;
  /** A 400 and the fields it names, with their messages. */
  const refusal = (res: request.Response) => ({
    status: res.status,
    fields: res.body.fields as Record<string, string[]> | undefined,
  });

  it('refuses a deactivated person named in a group, an alert or a reminder, and leaves them out of group and tenant audiences', async () => {
    const [ada, ben, cyd, dan] = (await freshTenant(
      t,
      'Ada Admin',
      'Ben Martin',
      'Cyd Petit',
      'Dan Durand',
    )) as Person[];
    const everyone = await createGroup(t, ada!, [ben!, cyd!, dan!], 'Centre');
    const pair = await createGroup(t, ada!, [ben!], 'Binôme');
    await deactivate(ada!, dan!);
    const named = (field: string) => ({
      status: 400,
      fields: { [field]: [expect.stringContaining(dan!.id)] },
    });

    // Named, they are refused with their id; nothing is created.
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM conversations`))[0].n;
    expect(
      refusal(
        await as(t, ada!)
          .post('/api/conversations')
          .send({ kind: 'group', title: 'Nouvelle', memberIds: [ben!.id, dan!.id] }),
      ),
    ).toEqual(named('memberIds'));
    expect(
      refusal(
        await as(t, ben!)
          .post('/api/conversations')
          .send({ kind: 'direct', memberIds: [dan!.id] }),
      ),
    ).toEqual(named('memberIds'));
    expect((await t.db.query(`SELECT count(*)::int AS n FROM conversations`))[0].n).toBe(before);
    expect(
      refusal(
        await as(t, ada!)
          .post(`/api/conversations/${pair.id}/members`)
          .send({ userIds: [dan!.id] }),
      ),
    ).toEqual(named('userIds'));
    expect(
      refusal(
        await as(t, ada!)
          .post('/api/alerts')
          .send({ title: 'Feu', body: 'CIS Nord', userIds: [ben!.id, dan!.id] }),
      ),
    ).toEqual(named('userIds'));
    expect(
      refusal(
        await as(t, ada!)
          .post('/api/reminders')
          .send({
            title: 'FMPA',
            body: 'Salle 2',
            type: 'fmpa',
            remindAt: new Date(Date.now() + 3600_000).toISOString(),
            userIds: [dan!.id],
          }),
      ),
    ).toEqual(named('userIds'));
    const members = await t.db.query(
      `SELECT user_id FROM conversation_members WHERE conversation_id = $1`,
      [pair.id],
    );
    expect(members).toHaveLength(2);

    // Through a group or the whole tenant, they are left out.
    const alert = (
      await as(t, ada!)
        .post('/api/alerts')
        .send({ title: 'Feu', body: 'CIS Nord', conversationId: everyone.id })
        .expect(201)
    ).body as AlertView;
    expect(alert.recipients.map((r) => r.userId).sort()).toEqual([ben!.id, cyd!.id].sort());
    const reminder = (
      await as(t, ada!)
        .post('/api/reminders')
        .send({
          title: 'FMPA',
          body: 'Salle 2',
          type: 'fmpa',
          remindAt: new Date(Date.now() + 3600_000).toISOString(),
          conversationId: everyone.id,
        })
        .expect(201)
    ).body as ReminderView;
    expect([...reminder.userIds].sort()).toEqual([ada!.id, ben!.id, cyd!.id].sort());
    for (const audience of [{}, { conversationIds: [everyone.id] }]) {
      const res = await as(t, ada!)
        .post('/api/admin/announcements')
        .send({ title: 'Note', body: 'Pour tous', ...audience })
        .expect(201);
      expect(res.body.recipients).toBe(2);
    }
  });

  it('delivers nothing to someone deactivated after the alert, announcement, reminder or message was recorded', async () => {
    const [ada, ben, cyd] = (await freshTenant(
      t,
      'Ada Admin',
      'Ben Martin',
      'Cyd Petit',
    )) as Person[];
    const group = await createGroup(t, ada!, [ben!, cyd!], 'Garde');
    // Recorded while Ben is active, with no worker running: nothing is delivered yet.
    const alert = (
      await as(t, ada!)
        .post('/api/alerts')
        .send({ title: 'Alerte feu', body: 'CIS Nord', conversationId: group.id })
        .expect(201)
    ).body as AlertView;
    await as(t, ada!)
      .post('/api/admin/announcements')
      .send({ title: 'Annonce', body: 'Réunion lundi' })
      .expect(201);
    await as(t, ada!)
      .post('/api/reminders')
      .send({
        title: 'Rappel FMPA',
        body: 'Salle 2',
        type: 'fmpa',
        remindAt: new Date(Date.now() + 2000).toISOString(),
        conversationId: group.id,
      })
      .expect(201);
    const body = `Rendez-vous ${randomUUID().slice(0, 8)} <@${ben!.id}> <@${cyd!.id}>`;
    await as(t, ada!)
      .post(`/api/conversations/${group.id}/messages`)
      .send({ body, clientMessageId: randomUUID() })
      .expect(201);

    await deactivate(ada!, ben!);
    await ensureWorker();

    // Cyd, beside him in every audience, gets each of them by email (so each was delivered)...
    const cydMails = () => emailOf(cyd!).then((address) => smtp.to(address));
    const has = async (found: (subject: string, text: string) => boolean, count = 1) =>
      (await cydMails()).filter((m) => found(m.subject ?? '', m.text ?? '')).length >= count;
    const token = body.split(' ')[1]!;
    for (const [what, found, count] of [
      // Its first round, and the next one (Cyd does not answer).
      ['the alert', (s: string) => s.includes('Alerte feu'), 2],
      ['the announcement', (s: string) => s.includes('Annonce'), 1],
      ['the reminder', (s: string) => s.includes('Rappel FMPA'), 1],
      // The mention and the unread message each earn one, both with the text.
      ['the message and the mention', (_: string, text: string) => text.includes(token), 2],
    ] as const) {
      await waitFor(() => has(found, count), 30_000, `Cyd's email for ${what}`);
    }
    // ...and Ben nothing: no email sent or waiting, no notification.
    expect(smtp.to(await emailOf(ben!))).toEqual([]);
    const rows = async (table: string) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [ben!.id]))[0]
        .n;
    expect({
      notifications: await rows('notifications'),
      emails: await rows('notification_emails'),
    }).toEqual({ notifications: 0, emails: 0 });
    // The sender sees him notified once (when the alert was recorded), not at every round.
    const seen = (await as(t, ada!).get(`/api/alerts/${alert.id}`).expect(200)).body as AlertView;
    expect(seen.recipients.find((r) => r.userId === ben!.id)?.notifiedCount).toBe(1);
  }, 90_000);

  it('sends no email already queued for someone before their deactivation', async () => {
    await ensureWorker();
    const [ada, ben, cyd] = (await freshTenant(
      t,
      'Ada Admin',
      'Ben Martin',
      'Cyd Petit',
    )) as Person[];
    // Both take their emails in a digest: the email waits in the queue for its time.
    for (const who of [ben!, cyd!]) {
      const settings = (await as(t, who).get('/api/settings/notifications').expect(200)).body;
      await as(t, who)
        .put('/api/settings/notifications')
        .send({ ...settings, emailDigest: 'hourly' })
        .expect(200);
    }
    const title = `Annonce ${randomUUID().slice(0, 8)}`;
    await as(t, ada!)
      .post('/api/admin/announcements')
      .send({ title, body: 'Réunion lundi' })
      .expect(201);
    const waiting = async () =>
      (await t.db.query(`SELECT id FROM notification_emails WHERE user_id = $1`, [ben!.id]))[0] as
        { id: string } | undefined;
    await waitFor(async () => !!(await waiting()), 20_000, "Ben's email waiting for his digest");
    const { id } = (await waiting())!;
    await deactivate(ada!, ben!);

    // Cyd's digest comes; Ben's job runs and sends nothing.
    await waitFor(
      async () => smtp.to(await emailOf(cyd!)).some((mail) => mail.text?.includes(title)),
      30_000,
      "Cyd's digest",
    );
    const emails = queuesOf('emails');
    try {
      const job = await waitForJob(emails.queues.emails, digestJobId(id));
      await waitFor(async () => (await job.getState()) === 'completed', 30_000, "Ben's digest job");
    } finally {
      await emails.close();
    }
    expect(smtp.to(await emailOf(ben!))).toEqual([]);
  }, 90_000);

  it('refuses a download link made before its user was deactivated, and only theirs', async () => {
    const [ada, ben] = (await freshTenant(t, 'Ada Admin', 'Ben Martin')) as Person[];
    const group = await createGroup(t, ada!, [ben!], 'Dossiers');
    const pdf = (
      await as(t, ben!)
        .post(`/api/conversations/${group.id}/attachments`)
        .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), {
          filename: 'plan.pdf',
          contentType: 'application/pdf',
        })
        .expect(201)
    ).body as AttachmentView;
    await as(t, ben!)
      .post(`/api/conversations/${group.id}/messages`)
      .send({ body: 'Le plan', clientMessageId: randomUUID(), attachmentIds: [pdf.id] })
      .expect(201);
    const linkOf = async (who: Person) =>
      ((await as(t, who).get(`/api/attachments/${pdf.id}/link`).expect(200)).body as AttachmentLink)
        .url;
    const bens = await linkOf(ben!);
    const adas = await linkOf(ada!);
    await request(t.url).get(bens).expect(200);

    await deactivate(ada!, ben!);
    // His link stops now, not at its expiry; Ada's still works, and a tampered one never did.
    await request(t.url).get(bens).expect(404);
    await request(t.url).get(adas).expect(200);
    await request(t.url)
      .get(`${adas.slice(0, -2)}xx`)
      .expect(404);
  });

  it('leaves no working session to sign-ins and refreshes in flight when the deactivation commits', async () => {
    const [ada, ben] = (await freshTenant(t, 'Ada Admin', 'Ben Martin')) as Person[];
    const slug = await slugOf(ben!);
    const signIn = () =>
      t.http
        .post('/api/auth/login')
        .send({ tenant: slug, email: `ben@${slug}.test`, password: 'demo1234' });
    const earlier = await Promise.all(
      Array.from({ length: 4 }, async () => (await signIn().expect(200)).body as LoginResponse),
    );
    // Their sockets, on this instance and on another one.
    const other = await startApp(ENV);
    try {
      const sockets = await Promise.all(
        earlier.map((session, i) => connectSocket((i % 2 ? other : t).url, session.accessToken)),
      );
      // Listened for from now: the sign-ins below may keep a loaded machine busy for seconds.
      const closed = Promise.all(sockets.map((socket) => socket.disconnected(60_000)));

      // Sign-ins spend most of their time on the password hash, after reading the account: the
      // deactivation lands while most of them are there. Refreshes go at the same moment.
      const sent = Date.now();
      const signIns = Array.from({ length: 16 }, () => signIn().then((res) => res));
      const refreshes = earlier.map((session) =>
        t.http
          .post('/api/auth/refresh')
          .send({ refreshToken: session.refreshToken })
          .then((res) => res),
      );
      await Promise.race(signIns);
      await deactivate(ada!, ben!);
      const committed = Date.now();
      const answers = await Promise.all([...signIns, ...refreshes]);
      const issued = answers.filter((res) => res.status === 200);
      console.log(
        `${signIns.length} sign-ins and ${refreshes.length} refreshes, deactivated ` +
          `${committed - sent} ms after they were sent: ${issued.length} got tokens; statuses ` +
          answers.map((res) => res.status).join(' '),
      );
      expect(answers.filter((res) => res.status !== 200 && res.status !== 401)).toEqual([]);
      // The open sockets closed on both instances.
      expect(await closed).toEqual(sockets.map(() => 'io server disconnect'));

      // Every token anyone got, before or during the deactivation, is refused now.
      const tokens = [...earlier, ...issued.map((res) => res.body as LoginResponse)];
      const allRefused = async () => {
        for (const { accessToken, refreshToken } of tokens) {
          await t.http.get('/api/conversations').auth(accessToken, { type: 'bearer' }).expect(401);
          await t.http.post('/api/auth/refresh').send({ refreshToken }).expect(401);
          for (const instance of [t, other]) {
            expect(await connectError(instance.url, { token: accessToken })).toBe('unauthorized');
          }
        }
      };
      await allRefused();
      // Ended, not suspended: reactivated, he signs in anew, and none of those sessions comes back
      // (one issued after the deactivation read the sessions to end would).
      await as(t, ada!).post(`/api/users/${ben!.id}/reactivate`).expect(200);
      await signIn().expect(200);
      await allRefused();
    } finally {
      await closeSockets();
      await other.close();
    }
  }, 90_000);
});
