import type { AlertView, NotificationPage, NotificationSettings } from '@mindsp/contracts';
import { startApp, type TestApp } from './app';
import { as, createGroup, freshTenant, socketOf, type Person } from './messaging';
import { closeSockets } from './sockets';
import { SmtpSink } from './smtp-sink';
import { waitForIdleQueues } from './queues-idle';
import { queuesOf, waitForJob } from './scheduled-jobs';
import { waitFor } from './wait-for';
import {
  forgetEarlierSuitesWork,
  startWorker,
  stopWorker,
  type WorkerProcess,
} from './worker-process';

const ALERT_ENV = { ALERT_RENOTIFY_DELAY: '6s', ALERT_MAX_ROUNDS: '1' };

/**
 * Issue 8, point 5, through the whole pipeline (API, outbox, worker, PostgreSQL, Redis, a real SMTP
 * server): an urgent alert ignores quiet hours and preferences, and its re-notification reaches
 * the one who did not answer, in the app and by email, once.
 */
describe('urgent alert delivery', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  const smtp = new SmtpSink();

  beforeAll(async () => {
    await smtp.start();
    t = await startApp(ALERT_ENV);
    await forgetEarlierSuitesWork(t.db);
    worker = await startWorker({ ...ALERT_ENV, SMTP_URL: smtp.url });
  }, 120_000);
  afterEach(() => closeSockets());
  afterAll(async () => {
    await stopWorker(worker);
    await t.close();
    await smtp.stop();
  });

  const notificationsOf = async (who: Person) =>
    (await as(t, who).get('/api/notifications').expect(200)).body as NotificationPage;
  const alertsOf = async (who: Person, alertId: string) =>
    (await notificationsOf(who)).items.filter(
      (n) => n.type === 'alert' && n.data.alertId === alertId,
    );
  const mailsTo = async (who: Person) => {
    const [{ email }] = await t.db.query(`SELECT email FROM users WHERE id = $1`, [who.id]);
    return smtp.to(email);
  };

  it('reaches every recipient in the app and by email at once, quiet hours and preferences aside', async () => {
    const [ada, ben, cyd, dan] = (await freshTenant(
      t,
      'Ada Admin',
      'Ben Martin',
      'Cyd Petit',
      'Dan Durand',
    )) as Person[];
    // Every recipient is in quiet hours all day long and has switched every email off.
    for (const who of [ben!, cyd!, dan!]) {
      const settings = (await as(t, who).get('/api/settings/notifications').expect(200))
        .body as NotificationSettings;
      const types = Object.fromEntries(
        Object.keys(settings.types).map((type) => [type, { inApp: false, email: false }]),
      );
      await t.http
        .put('/api/settings/notifications')
        .auth(who.token, { type: 'bearer' })
        .send({
          ...settings,
          types,
          quietHours: { enabled: true, start: '00:00', end: '23:59', timeZone: 'Europe/Paris' },
        })
        .expect(200);
    }
    const group = await createGroup(t, ada!, [ben!, cyd!, dan!]);
    const benSocket = await socketOf(t, ben!);

    const alert = (
      await as(t, ada!)
        .post('/api/alerts')
        .send({ title: 'Feu de forêt <b>', body: 'Renfort au CIS Nord', conversationId: group.id })
        .expect(201)
    ).body as AlertView;

    // Live to the connected one, in the app and by email for all three.
    const live = await benSocket.waitFor('notification:new', (n) => n.type === 'alert');
    expect(live).toMatchObject({ title: 'Feu de forêt <b>', actionUrl: `/alerts/${alert.id}` });
    for (const who of [ben!, cyd!, dan!]) {
      await waitFor(async () => (await alertsOf(who, alert.id)).length === 1, 20_000, 'in app');
      await waitFor(async () => (await mailsTo(who)).length === 1, 20_000, 'the email');
      const [mail] = await mailsTo(who);
      expect(mail!.subject).toBe('[ALERTE URGENTE] Feu de forêt <b>');
      // The sender's text is escaped in the HTML part.
      expect(mail!.html).toContain('Feu de forêt &lt;b&gt;');
    }

    // Two answer; the sender sees 2 of 3.
    await as(t, ben!)
      .post(`/api/alerts/${alert.id}/ack`)
      .send({ response: 'available' })
      .expect(200);
    await as(t, cyd!)
      .post(`/api/alerts/${alert.id}/ack`)
      .send({ response: 'received' })
      .expect(200);
    const seen = (await as(t, ada!).get(`/api/alerts/${alert.id}`).expect(200)).body as AlertView;
    expect(seen.recipients.filter((r) => r.response !== null)).toHaveLength(2);

    // Dan, who did not answer, is notified again: a second notification and a second email.
    await waitFor(async () => (await alertsOf(dan!, alert.id)).length === 2, 30_000, 'round 2');
    await waitFor(async () => (await mailsTo(dan!)).length === 2, 20_000, 'round 2 email');
    // ALERT_MAX_ROUNDS 1: no third round; the others, who answered, got nothing more. Once the
    // second round's job has run and the queues have run what it caused, a third round would be
    // scheduled (its job id carries the round): none is, and the counts are final.
    const { queues, close } = queuesOf('alerts');
    try {
      const round2 = await waitForJob(queues.alerts, `alert-${alert.id}-round-2`);
      await waitFor(async () => (await round2.getState()) === 'completed', 30_000, 'round 2 run');
      await waitForIdleQueues(t.db);
      expect(await queues.alerts.getJob(`alert-${alert.id}-round-3`)).toBeUndefined();
    } finally {
      await close();
    }
    expect(await alertsOf(dan!, alert.id)).toHaveLength(2);
    expect(await mailsTo(dan!)).toHaveLength(2);
    for (const who of [ben!, cyd!]) {
      expect(await alertsOf(who, alert.id)).toHaveLength(1);
      expect(await mailsTo(who)).toHaveLength(1);
    }
  }, 120_000);
});
