import type { NotificationPage, NotificationSettings } from '@mindsp/contracts';
import { startApp, type TestApp } from './app';
import { jobsIn, waitForIdleQueues } from './queues-idle';
import { QUEUES } from '../src/queues/queue-connection';
import { SEND_EMAIL_JOB, type SendEmailJobData } from '../src/notifications/notification-jobs';
import type { Held } from '../src/notifications/email-sender.service';
import { as, createGroup, freshTenant, send, socketOf, signIn, type Person } from './messaging';
import { closeSockets } from './sockets';
import { SmtpSink } from './smtp-sink';
import { waitFor } from './wait-for';
import {
  forgetEarlierSuitesWork,
  startWorker,
  stopWorker,
  type WorkerProcess,
} from './worker-process';

// Notifications end to end: the API, the built worker, PostgreSQL, Redis and a real SMTP server.
// Each test has a tenant of its own, so counts are its own.
describe('notifications', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  const smtp = new SmtpSink();

  beforeAll(async () => {
    await smtp.start();
    t = await startApp();
    await forgetEarlierSuitesWork(t.db);
    worker = await startWorker({
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://sdis.example/mindsp',
      MESSAGE_EMAIL_DELAY: '2s',
      // Long enough for the three announcements of the digest test to fall in one period.
      EMAIL_DIGEST_HOURLY: '6s',
    });
  });
  afterEach(() => closeSockets());
  afterAll(async () => {
    await stopWorker(worker);
    await t.close();
    await smtp.stop();
  });

  const notificationsOf = async (who: Person, query = '') =>
    (await as(t, who).get(`/api/notifications${query}`).expect(200)).body as NotificationPage;
  const settingsOf = async (who: Person) =>
    (await as(t, who).get('/api/settings/notifications').expect(200)).body as NotificationSettings;
  const saveSettings = (who: Person, settings: NotificationSettings) =>
    t.http.put('/api/settings/notifications').auth(who.token, { type: 'bearer' }).send(settings);
  const emailOf = (who: Person) => `${who.name.split(' ')[0]!.toLowerCase()}@`;
  const mailsTo = async (who: Person) => {
    const [{ email }] = await t.db.query(`SELECT email FROM users WHERE id = $1`, [who.id]);
    return smtp.to(email);
  };
  const announce = (admin: Person, title: string, body = 'Consigne') =>
    as(t, admin).post('/api/admin/announcements').send({ title, body }).expect(201);

  it('gives an offline member one coalesced notification for three messages, then exactly one email', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const group = await createGroup(t, alice!, [bob!], 'Astreinte');
    for (const body of [
      'Premier point',
      'Deuxième point',
      'Attention <img src=x onerror=alert(1)>',
    ])
      await send(t, alice!, group.id, body);

    await waitFor(async () => {
      const page = await notificationsOf(bob!);
      return page.items[0]?.title === '3 nouveaux messages de Alice Martin';
    });
    const page = await notificationsOf(bob!);
    expect(page.items).toHaveLength(1);
    expect(page.unreadCount).toBe(1);
    expect(page.items[0]).toMatchObject({
      type: 'message',
      body: 'Attention <img src=x onerror=alert(1)>',
      actionUrl: `/messages/${group.id}`,
      data: { conversationId: group.id, count: 3, senderIds: [alice!.id] },
      readAt: null,
    });

    await waitFor(async () => (await mailsTo(bob!)).length > 0, 20_000, 'the email');
    const [mail, ...more] = await mailsTo(bob!);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('3 nouveaux messages de Alice Martin');
    expect(mail!.html).toContain('<html lang="fr">');
    expect(mail!.html).toContain('Attention &lt;img src=x onerror=alert(1)&gt;');
    expect(mail!.html).not.toContain('<img');
    expect(mail!.text).toContain(
      `Ouvrir dans MindSP: https://sdis.example/mindsp/messages/${group.id}`,
    );
    expect(JSON.stringify(mail!.to)).toContain(emailOf(bob!));
    // Later messages of the same unread streak add no second email.
    await send(t, alice!, group.id, 'Encore un');
    await waitFor(async () => (await notificationsOf(bob!)).items[0]?.data.count === 4);
    // Whatever the message caused has run (no email job waiting or delayed): the count is final.
    await waitForIdleQueues(t.db);
    expect(await mailsTo(bob!)).toHaveLength(1);

    // Reading the conversation reads its notification, and tells Bob's other tabs.
    const tab = await socketOf(t, bob!);
    await as(t, bob!).post(`/api/conversations/${group.id}/read`).send({ seq: 4 }).expect(200);
    const update = await tab.waitFor('notification:read');
    expect(update).toEqual({ ids: [page.items[0]!.id] });
    expect((await notificationsOf(bob!)).unreadCount).toBe(0);
  });

  it('writes in English for an English reader, and not at all for a connected one', async () => {
    const [alice, bob, carol] = await freshTenant(t, 'Alice Martin', 'Bob Durand', 'Carol Petit');
    await t.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [bob!.id]);
    const carolOnline = await socketOf(t, carol!);
    const group = await createGroup(t, alice!, [bob!, carol!]);
    await send(t, alice!, group.id, 'Hello');
    await waitFor(async () => (await notificationsOf(bob!)).items.length === 1);
    expect((await notificationsOf(bob!)).items[0]!.title).toBe('New message from Alice Martin');
    await waitForIdleQueues(t.db);
    expect((await notificationsOf(carol!)).items).toHaveLength(0);
    // An announcement after it reaches Carol live by the same road (the worker, through Redis):
    // anything the message had pushed her would have come before it.
    await announce(alice!, 'Repère');
    await carolOnline.waitFor('notification:new', (n) => n.title === 'Repère');
    expect(carolOnline.all('notification:new').map((n) => n.title)).toEqual(['Repère']);
  });

  it('pushes an announcement live to a connected member, and its read to their other tabs', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const tab1 = await socketOf(t, bob!);
    const tab2 = await socketOf(t, bob!);
    const { body } = await announce(alice!, 'Exercice <b>demain</b>', 'Rendez-vous à 8 h');
    expect(body.announcementId).toEqual(expect.any(String));
    const live = await tab1.waitFor('notification:new');
    expect(live).toMatchObject({
      type: 'system',
      title: 'Exercice <b>demain</b>',
      body: 'Rendez-vous à 8 h',
      readAt: null,
    });
    await as(t, bob!).post(`/api/notifications/${live.id}/read`).expect(200);
    expect(await tab2.waitFor('notification:read')).toEqual({ ids: [live.id] });
    await announce(alice!, 'Deuxième');
    await tab1.waitForCount('notification:new', 2);
    const all = await as(t, bob!).post('/api/notifications/read-all').expect(200);
    expect(all.body.ids).toHaveLength(1);
    expect(await tab2.waitFor('notification:read', (u) => 'all' in u)).toEqual({ all: true });
    // The admin's own announcement is not theirs to be told.
    expect((await notificationsOf(alice!)).items).toHaveLength(0);
  });

  it('keeps each user to their own notifications, and refuses bad input', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const { dave } = await signIn(t);
    await announce(alice!, 'Privé');
    await waitFor(async () => (await notificationsOf(bob!)).items.length === 1);
    const [mine] = (await notificationsOf(bob!)).items;
    await as(t, dave).post(`/api/notifications/${mine!.id}/read`).expect(404);
    await as(t, alice!).post(`/api/notifications/${mine!.id}/read`).expect(404);
    await as(t, bob!).post(`/api/notifications/not-a-uuid/read`).expect(400);
    await as(t, bob!).get('/api/notifications?limit=0').expect(400);
    await as(t, bob!).get('/api/notifications?cursor=nope').expect(400);
    await as(t, bob!).get('/api/notifications?unread=maybe').expect(400);
    await as(t, bob!).post('/api/admin/announcements').send({ title: 'x', body: 'y' }).expect(403);
    await as(t, alice!).post('/api/admin/announcements').send({ title: '' }).expect(400);
    await as(t, alice!)
      .post('/api/admin/announcements')
      .send({ title: 'x', body: 'y', conversationIds: ['00000000-0000-4000-8000-000000000000'] })
      .expect(404);

    const settings = await settingsOf(bob!);
    const bad = async (change: (s: NotificationSettings) => unknown, field: string) => {
      const res = await saveSettings(
        bob!,
        change(structuredClone(settings)) as NotificationSettings,
      );
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields)).toContain(field);
    };
    await bad(
      (s) => ({ ...s, quietHours: { ...s.quietHours, start: '24:00' } }),
      'quietHours.start',
    );
    await bad(
      (s) => ({ ...s, quietHours: { ...s.quietHours, timeZone: 'Mars/Base' } }),
      'quietHours.timeZone',
    );
    await bad((s) => ({ ...s, emailDigest: 'weekly' }), 'emailDigest');
    await bad((s) => {
      const { mention: _, ...types } = s.types;
      return { ...s, types };
    }, 'types.mention');
    await bad((s) => ({ ...s, extra: 1 }), 'extra');
    // Urgent alerts stay on, whatever is sent.
    const saved = await saveSettings(bob!, {
      ...settings,
      types: { ...settings.types, alert: { inApp: false, email: false } },
    }).expect(200);
    expect(saved.body.types.alert).toEqual({ inApp: true, email: true });
  });

  it('sends nothing to those who switched a type off: no row, no email', async () => {
    const [alice, bob, carol] = await freshTenant(t, 'Alice Martin', 'Bob Durand', 'Carol Petit');
    const defaults = await settingsOf(bob!);
    expect(defaults.types.system).toEqual({ inApp: true, email: true });
    expect(defaults.quietHours).toEqual({
      enabled: false,
      start: '22:00',
      end: '07:00',
      timeZone: 'Europe/Paris',
    });
    await saveSettings(bob!, {
      ...defaults,
      types: { ...defaults.types, system: { inApp: false, email: false } },
    }).expect(200);
    await announce(alice!, 'Pour tous');
    // Carol, with the defaults, gets both: then Bob's would have come too.
    await waitFor(async () => (await mailsTo(carol!)).length === 1);
    await waitFor(async () => (await notificationsOf(carol!)).items.length === 1);
    expect((await notificationsOf(bob!)).items).toHaveLength(0);
    expect(await mailsTo(bob!)).toHaveLength(0);
  });

  it('holds an email during quiet hours and sends it when they end; an urgent one goes at once', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const settings = await settingsOf(bob!);
    // Quiet from an hour ago to an hour from now (in Bob's time zone, Toronto). Hours to the
    // minute: a window ending the next minute ended during the test when it began at :58.
    const timeZone = 'America/Toronto';
    const inMinutes = (minutes: number) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(Date.now() + minutes * 60_000));
    const quiet = { enabled: true, start: inMinutes(-60), end: inMinutes(60), timeZone };
    await saveSettings(bob!, { ...settings, quietHours: quiet }).expect(200);

    await announce(alice!, 'Pendant la nuit');
    await waitFor(async () => (await notificationsOf(bob!)).items.length === 1);
    // Urgent: in-app and email at once, quiet hours or not.
    await t.db.query(
      `INSERT INTO outbox (tenant_id, queue, name, job_id, data) VALUES ($1, 'notifications', 'deliver', $2, $3)`,
      [
        bob!.tenantId,
        `deliver-urgent-${bob!.id}`,
        {
          tenantId: bob!.tenantId,
          key: `urgent:${bob!.id}`,
          userIds: [bob!.id],
          type: 'alert',
          title: 'Feu de forêt',
          body: 'Tous disponibles',
          data: {},
          actionUrl: null,
          urgent: true,
        },
      ],
    );
    await waitFor(async () => (await mailsTo(bob!)).length === 1, 20_000, 'the urgent email');
    expect((await mailsTo(bob!))[0]!.subject).toBe('[ALERTE URGENTE] Feu de forêt');
    // The other email is held: its job waits in the emails queue, delayed to the quiet hours' end
    // (an hour from now, to the minute), and it was not sent.
    await waitFor(
      async () =>
        (await jobsIn<SendEmailJobData & Held>(QUEUES.emails, ['delayed'])).some(
          ({ name, data }) =>
            name === SEND_EMAIL_JOB &&
            data.userId === bob!.id &&
            !data.urgent &&
            data.heldUntil! > Date.now() + 55 * 60_000,
        ),
      20_000,
      'the email held until the quiet hours end',
    );
    expect(await mailsTo(bob!)).toHaveLength(1);

    // Quiet hours that end now: the held email goes.
    await saveSettings(bob!, {
      ...settings,
      quietHours: { ...quiet, start: inMinutes(-2), end: inMinutes(-1) },
    }).expect(200);
    await waitFor(async () => (await mailsTo(bob!)).length === 2, 20_000, 'the held email');
    expect((await mailsTo(bob!))[1]!.subject).toBe('Pendant la nuit');
  });

  it('gathers several notifications into one digest', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const settings = await settingsOf(bob!);
    await saveSettings(bob!, { ...settings, emailDigest: 'hourly' }).expect(200);
    for (const title of ['Un', 'Deux', 'Trois']) await announce(alice!, title);
    await waitFor(async () => (await mailsTo(bob!)).length === 1, 20_000, 'the digest');
    const [digest] = await mailsTo(bob!);
    expect(digest!.subject).toBe('MindSP : 3 notifications');
    for (const title of ['Un', 'Deux', 'Trois']) expect(digest!.text).toContain(title);
    // Once the queues have run all the three caused, still the one email.
    await waitForIdleQueues(t.db);
    expect(await mailsTo(bob!)).toHaveLength(1);
  });
});
