import type { NotificationPage, NotificationSettings } from '@mindsp/contracts';
import { Queue } from 'bullmq';
import { renderDigestEmail } from '../src/notifications/email-templates';
import { QUEUES, QUEUE_PREFIX, queueConnection } from '../src/queues/queue-connection';
import { startApp, type TestApp } from './app';
import { as, freshTenant } from './messaging';
import { waitForIdleQueues } from './queues-idle';
import { SmtpSink } from './smtp-sink';
import { waitFor } from './wait-for';
import {
  forgetEarlierSuitesWork,
  startWorker,
  stopWorker,
  type WorkerProcess,
} from './worker-process';

const PUBLIC_URL = 'https://sdis.example/mindsp';
/** Not the default (08:00), so the worker is seen to take it from EMAIL_DIGEST_DAILY_AT. */
const DAILY_AT = '06:30';
/** Half an hour off the hour from UTC: the time is counted on the user's own clock. */
const TIME_ZONE = 'Asia/Kolkata';

// README, "Queues": with the `daily` digest setting, "one summary of the emails gathered in the
// period instead of one email each", sent at EMAIL_DIGEST_DAILY_AT "in the user's time zone".
// The test checks that the digest is due at that time, then runs it now instead of waiting.
describe('the daily digest', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  const smtp = new SmtpSink();
  const emails = new Queue(QUEUES.emails, {
    connection: queueConnection(process.env.REDIS_URL!),
    prefix: QUEUE_PREFIX,
  });

  beforeAll(async () => {
    await smtp.start();
    t = await startApp();
    await forgetEarlierSuitesWork(t.db);
    worker = await startWorker({
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      EMAIL_DIGEST_DAILY_AT: DAILY_AT,
    });
  });
  afterAll(async () => {
    await stopWorker(worker);
    await emails.close();
    await t?.close();
    await smtp.stop();
  });

  it('holds the emails until the daily time in the user’s time zone, then sends them as one', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const [{ email: address }] = await t.db.query(`SELECT email FROM users WHERE id = $1`, [
      bob!.id,
    ]);
    const settings = (await as(t, bob!).get('/api/settings/notifications').expect(200))
      .body as NotificationSettings;
    await as(t, bob!)
      .put('/api/settings/notifications')
      .send({
        ...settings,
        emailDigest: 'daily',
        quietHours: { ...settings.quietHours, timeZone: TIME_ZONE },
      })
      .expect(200);

    const titles = ['Exercice FMPA', 'Vérification des ARI', 'Réunion de centre'];
    for (const title of titles) {
      await as(t, alice!)
        .post('/api/admin/announcements')
        .send({ title, body: `Détails : ${title}` })
        .expect(201);
    }
    // Each is in the app at once, and its email waits for the digest.
    const notificationsOf = async () =>
      (await as(t, bob!).get('/api/notifications').expect(200)).body as NotificationPage;
    await waitFor(async () => (await notificationsOf()).items.length === 3);
    const waiting = async () =>
      (
        await t.db.query(
          `SELECT created_at FROM notification_emails
           WHERE user_id = $1 AND in_digest AND sent_at IS NULL ORDER BY created_at`,
          [bob!.id],
        )
      ).map((row: { created_at: Date }) => row.created_at) as Date[];
    await waitFor(async () => (await waiting()).length === 3, 20_000, 'three emails waiting');
    const digestsOf = async () =>
      (await emails.getDelayed()).filter(
        (job) => job.name === 'digest' && job.data.userId === bob!.id,
      );
    await waitFor(async () => (await digestsOf()).length === 1, 20_000, 'the digest job');
    const [digest] = await digestsOf();

    // Due at 06:30 on Bob's clock, the first time after the oldest email (within a day of it).
    const due = new Date(Math.round((digest!.timestamp + digest!.delay) / 1000) * 1000);
    const onBobsClock = new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(due);
    expect(onBobsClock).toBe(`${DAILY_AT}:00`);
    const [oldest] = await waiting();
    const afterOldest = due.getTime() - oldest!.getTime();
    expect(afterOldest > 0 && afterOldest <= 24 * 3600 * 1000).toBe(true);
    expect(smtp.to(address)).toEqual([]);

    // Its time has come.
    await digest!.promote();
    await waitFor(() => smtp.to(address).length > 0, 20_000, 'the digest email');
    await waitForIdleQueues(t.db);
    const mails = smtp.to(address);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toBe('MindSP : 3 notifications');
    // The three notifications, each as the app shows it, in one summary (in the order it gives them).
    const items = (await notificationsOf()).items
      .map(({ title, body, actionUrl }) => ({ title, body, actionUrl }))
      .sort((a, b) => mail!.text!.indexOf(a.title) - mail!.text!.indexOf(b.title));
    expect(items.map((item) => item.title).sort()).toEqual([...titles].sort());
    expect(mail!.text).toBe(renderDigestEmail('fr', PUBLIC_URL, items).text);
    expect(await waiting()).toEqual([]);
  });
});
