import type { AlertAckUpdate, AlertView } from '@mindsp/contracts';
import { startApp, type TestApp } from './app';
import { A_UUID, as, createGroup, freshTenant, socketOf, type Person } from './messaging';
import { deliveryOf, queuesOf, waitForDelivery, waitForJob } from './scheduled-jobs';
import { waitFor } from './wait-for';
import { closeSockets } from './sockets';
import {
  forgetEarlierSuitesWork,
  startWorker,
  stopWorker,
  type WorkerProcess,
} from './worker-process';

/** Short rounds for the test: a few seconds instead of two minutes, at most two re-notifications. */
const ALERT_ENV = { ALERT_RENOTIFY_DELAY: '5s', ALERT_MAX_ROUNDS: '2' };

/**
 * Issue 8: an urgent alert reaches all its recipients at once (urgent delivery), the sender sees
 * the answers live, and those who did not answer are notified again, once per round, up to the max.
 */
describe('urgent alerts', () => {
  let t: TestApp;
  let worker: WorkerProcess;
  const { queues, events, ready, close } = queuesOf('notifications', 'alerts');
  /** Ada is the admin; Ben created a group with Cyd and Dan; Eve is in no group. */
  let ada: Person, ben: Person, cyd: Person, dan: Person, eve: Person;
  /** Another organisation. */
  let olga: Person;
  let adaGroup: string;
  let benGroup: string;

  beforeAll(async () => {
    t = await startApp(ALERT_ENV);
    await forgetEarlierSuitesWork(t.db);
    [ada, ben, cyd, dan, eve] = (await freshTenant(
      t,
      'Ada Admin',
      'Ben Member',
      'Cyd Member',
      'Dan Member',
      'Eve Member',
    )) as Person[];
    [olga] = (await freshTenant(t, 'Olga Other')) as Person[];
    adaGroup = (await createGroup(t, ada, [ben, cyd, dan])).id;
    benGroup = (await createGroup(t, ben, [cyd, dan])).id;
    await ready();
    worker = await startWorker(ALERT_ENV);
    // Sign-ins hash passwords and the worker boots a Nest app: slow on a loaded machine.
  }, 120_000);
  afterEach(() => closeSockets());
  afterAll(async () => {
    await stopWorker(worker);
    await close();
    await t.close();
  });

  const send = (who: Person, input: Record<string, unknown>) =>
    as(t, who)
      .post('/api/alerts')
      .send({ title: 'Feu de forêt', body: 'Renfort demandé au CIS Nord', ...input });
  const alertOf = async (who: Person, id: string) =>
    (await as(t, who).get(`/api/alerts/${id}`).expect(200)).body as AlertView;
  const sorted = (people: Person[]) => people.map((p) => p.id).sort();
  /** The re-notification job of a round, once it ran, and what it answered. */
  const roundResult = async (alertId: string, round: number) => {
    const job = await waitForJob(queues.alerts, `alert-${alertId}-round-${round}`);
    return job.waitUntilFinished(events.alerts, 30_000) as Promise<unknown>;
  };

  it('reaches everyone at once, shows the sender each answer live, and re-notifies only who did not answer', async () => {
    const adaSocket = await socketOf(t, ada);
    const cydSocket = await socketOf(t, cyd);
    const alert = (await send(ada, { conversationId: adaGroup }).expect(201)).body as AlertView;
    expect(alert).toMatchObject({ senderId: ada.id, conversationId: adaGroup });
    expect(alert.recipients.map((r) => r.userId).sort()).toEqual(sorted([ben, cyd, dan]));
    expect(alert.recipients.every((r) => r.response === null && r.notifiedCount === 1)).toBe(true);

    // Round 1: one urgent delivery to every recipient (never the sender).
    const first = await waitForDelivery(queues.notifications, `alert:${alert.id}:round:1`);
    expect(first.data).toMatchObject({
      tenantId: ada.tenantId,
      type: 'alert',
      urgent: true,
      title: 'Feu de forêt',
      body: 'Renfort demandé au CIS Nord',
      actionUrl: `/alerts/${alert.id}`,
      data: { alertId: alert.id },
    });
    expect([...first.data.userIds].sort()).toEqual(sorted([ben, cyd, dan]));

    // Ben answers over REST, Cyd over the socket.
    const benAck = (
      await as(t, ben)
        .post(`/api/alerts/${alert.id}/ack`)
        .send({ response: 'available' })
        .expect(200)
    ).body as AlertAckUpdate;
    expect(benAck).toMatchObject({ alertId: alert.id, userId: ben.id, response: 'available' });
    const cydAck = await cydSocket.ok('alert:ack', { alertId: alert.id, response: 'received' });
    expect(cydAck).toMatchObject({ alertId: alert.id, userId: cyd.id, response: 'received' });

    const live = await adaSocket.waitForCount('alert:ack', 2);
    expect(live.map((u) => [u.userId, u.response]).sort()).toEqual(
      [
        [ben.id, 'available'],
        [cyd.id, 'received'],
      ].sort(),
    );
    // Cyd's other tabs learn her answer too.
    await cydSocket.waitFor('alert:ack', (u) => u.userId === cyd.id);
    const seen = await alertOf(ada, alert.id);
    expect(seen.recipients.filter((r) => r.response !== null)).toHaveLength(2);
    expect(seen.recipients.find((r) => r.userId === dan.id)?.response).toBeNull();

    // Round 2, after the delay: Dan only, once.
    expect(await roundResult(alert.id, 2)).toEqual({ round: 2, renotified: 1 });
    const second = await waitForDelivery(queues.notifications, `alert:${alert.id}:round:2`);
    expect(second.data).toMatchObject({ userIds: [dan.id], urgent: true, type: 'alert' });
    const counts = Object.fromEntries(
      (await alertOf(dan, alert.id)).recipients.map((r) => [r.userId, r.notifiedCount]),
    );
    expect(counts).toEqual({ [ben.id]: 1, [cyd.id]: 1, [dan.id]: 2 });

    // The same round's job again (a retry, a stalled worker): nothing more.
    const again = await queues.alerts.add(
      'renotify',
      { tenantId: ada.tenantId, alertId: alert.id, round: 2 },
      { jobId: `again-${alert.id}-round-2` },
    );
    expect(await again.waitUntilFinished(events.alerts, 20_000)).toBe('skipped');
    expect(
      (await alertOf(ada, alert.id)).recipients.find((r) => r.userId === dan.id),
    ).toMatchObject({ notifiedCount: 2 });

    // Dan answers (and changes his mind: the last answer holds); round 3 then notifies nobody.
    await as(t, dan)
      .post(`/api/alerts/${alert.id}/ack`)
      .send({ response: 'unavailable' })
      .expect(200);
    await as(t, dan).post(`/api/alerts/${alert.id}/ack`).send({ response: 'received' }).expect(200);
    expect(await roundResult(alert.id, 3)).toBe('everyone answered');
    expect(await deliveryOf(queues.notifications, `alert:${alert.id}:round:3`)).toBeUndefined();
    const final = await alertOf(ada, alert.id);
    expect(final.recipients.map((r) => [r.userId, r.response, r.notifiedCount]).sort()).toEqual(
      [
        [ben.id, 'available', 1],
        [cyd.id, 'received', 1],
        [dan.id, 'received', 2],
      ].sort(),
    );
  }, 90_000);

  it('stops re-notifying at the maximum number of rounds', async () => {
    // Sent by Ben, the group's creator (a member, not an admin): Cyd and Dan never answer.
    const alert = (await send(ben, { conversationId: benGroup }).expect(201)).body as AlertView;
    expect(alert.recipients.map((r) => r.userId).sort()).toEqual(sorted([cyd, dan]));
    expect(await roundResult(alert.id, 2)).toEqual({ round: 2, renotified: 2 });
    expect(await roundResult(alert.id, 3)).toEqual({ round: 3, renotified: 2 });
    for (const round of [1, 2, 3]) {
      const job = await waitForDelivery(queues.notifications, `alert:${alert.id}:round:${round}`);
      expect([...job.data.userIds].sort()).toEqual(sorted([cyd, dan]));
    }
    // Round 3 was the last: it recorded no fourth (its outbox entries are all relayed by now).
    await waitFor(async () => {
      const [row] = await t.db.query(`SELECT count(*)::int AS n FROM outbox`);
      return row.n === 0;
    });
    expect(await queues.alerts.getJob(`alert-${alert.id}-round-4`)).toBeUndefined();
    const counts = (await alertOf(ben, alert.id)).recipients.map((r) => r.notifiedCount);
    expect(counts).toEqual([3, 3]);
  }, 90_000);

  it('is sent by an admin or the group creator only: 403 for other members', async () => {
    // Cyd is a member of Ben's group, not its creator.
    await send(cyd, { conversationId: benGroup }).expect(403);
    // By name: admins only.
    await send(ben, { userIds: [cyd.id] }).expect(403);
    const byName = (await send(ada, { userIds: [eve.id, ada.id] }).expect(201)).body as AlertView;
    expect(byName.recipients.map((r) => r.userId)).toEqual([eve.id]);
    // Nobody else to alert; both or neither of conversationId and userIds.
    const alone = await send(ada, { userIds: [ada.id] }).expect(400);
    expect(Object.keys(alone.body.fields)).toEqual(['userIds']);
    await send(ada, { conversationId: adaGroup, userIds: [eve.id] }).expect(400);
    const neither = await send(ada, {}).expect(400);
    expect(Object.keys(neither.body.fields)).toEqual(['conversationId']);
  });

  it('keeps to its organisation and its people: 404 for everyone else', async () => {
    const alert = (await send(ada, { conversationId: adaGroup }).expect(201)).body as AlertView;
    // Another organisation, or an unknown id: the same 404.
    for (const id of [alert.id, A_UUID]) {
      await as(t, olga).get(`/api/alerts/${id}`).expect(404);
      await as(t, olga).post(`/api/alerts/${id}/ack`).send({ response: 'received' }).expect(404);
    }
    // Eve, same organisation, neither sender nor recipient.
    await as(t, eve).get(`/api/alerts/${alert.id}`).expect(404);
    await as(t, eve).post(`/api/alerts/${alert.id}/ack`).send({ response: 'received' }).expect(404);
    const eveSocket = await socketOf(t, eve);
    const ack = await eveSocket.emit('alert:ack', { alertId: alert.id, response: 'received' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The sender sees it, but answers nothing.
    await as(t, ada).post(`/api/alerts/${alert.id}/ack`).send({ response: 'received' }).expect(403);
    // A conversation Eve is not in, and people of another organisation.
    await send(eve, { conversationId: adaGroup }).expect(404);
    await send(olga, { conversationId: adaGroup }).expect(404);
    await send(ada, { userIds: [olga.id] }).expect(404);
    const bad = await as(t, ben).post(`/api/alerts/${alert.id}/ack`).send({ response: 'maybe' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['response']);
    expect((await alertOf(ada, alert.id)).recipients.every((r) => r.response === null)).toBe(true);
  });
});
