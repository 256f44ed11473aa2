import type { JobState, JobView, QueueStats, QueueStatsResponse } from '@mindsp/contracts';
import { waitFor } from './wait-for';
import { startApp, type TestApp } from './app';
import { as, freshTenant, signIn, tenantNamed, type DemoPeople, type Person } from './messaging';
import { startWorker, stopWorker, type WorkerProcess } from './worker-process';

const OPS = 'queue-ops';

describe('queue admin API', () => {
  let t: TestApp;
  let people: DemoPeople;
  let olga: Person; // a platform operator
  let worker: WorkerProcess;

  beforeAll(async () => {
    t = await startApp({ PLATFORM_OPERATORS: `${OPS}/olga@${OPS}.test` });
    people = await signIn(t);
    [olga] = await tenantNamed(t, OPS, 'Olga Ops');
    worker = await startWorker();
  });
  afterAll(async () => {
    await stopWorker(worker);
    await t.close();
  });

  const probe = async (who: Person, input: Record<string, unknown> = {}) =>
    (await as(t, who).post('/api/admin/queues/probe').send(input).expect(201)).body as JobView;
  const job = (who: Person, id: string, queue = 'maintenance') =>
    as(t, who).get(`/api/admin/queues/${queue}/jobs/${id}`);
  const list = async (who: Person, query: string) =>
    (await as(t, who).get(`/api/admin/queues/maintenance/jobs?${query}`).expect(200)).body
      .items as JobView[];
  const stats = async (who: Person) =>
    (await as(t, who).get('/api/admin/queues/stats').expect(200)).body as QueueStatsResponse;
  const maintenance = async (who: Person) =>
    (await stats(who)).queues.find((queue) => queue.name === 'maintenance') as QueueStats;

  /** The job (the worker process runs it meanwhile) once it is in `state` (and, when given, `also` holds: a retried job's new attempt). */
  async function settled(
    who: Person,
    id: string,
    state: JobState,
    also: (view: JobView) => boolean = () => true,
  ): Promise<JobView> {
    let view: JobView | undefined;
    await waitFor(
      async () => {
        view = (await job(who, id).expect(200)).body as JobView;
        return view.state === state && also(view);
      },
      20_000,
      `job ${id} to reach ${state}`,
    );
    return view!;
  }

  it('counts, per organisation, the jobs this test created, and their last minute', async () => {
    const { alice, dave } = people;
    const done = await Promise.all([probe(alice), probe(alice), probe(dave)]);
    const poisoned = await Promise.all([
      probe(alice, { unrecoverable: true }),
      probe(dave, { unrecoverable: true }),
    ]);
    await probe(alice, { delayMs: 3_600_000 });
    await Promise.all([
      ...done.map((view, i) => settled(i < 2 ? alice : dave, view.id, 'completed')),
      ...poisoned.map((view, i) => settled(i < 1 ? alice : dave, view.id, 'failed')),
    ]);

    const response = await stats(alice);
    expect(response.scope).toBe('tenant');
    expect(response.queues.map((queue) => queue.name).sort()).toEqual(
      ['alerts', 'emails', 'maintenance', 'notifications', 'reminders'].sort(),
    );
    expect(await maintenance(alice)).toEqual({
      name: 'maintenance',
      paused: false,
      counts: { waiting: 0, active: 0, delayed: 1, completed: 2, failed: 1 },
      completedLastMinute: 2,
      failedLastMinute: 1,
      oldestWaitingMs: null,
    });
    expect((await maintenance(dave)).counts).toEqual({
      waiting: 0,
      active: 0,
      delayed: 0,
      completed: 1,
      failed: 1,
    });
    // The operator sees the queue's totals: both organisations, and the hourly purge (its next run
    // waits as a delayed job; a first run may have completed).
    const all = await maintenance(olga);
    expect(all.counts).toMatchObject({ waiting: 0, active: 0, delayed: 2, failed: 2 });
    expect(all.counts.completed).toBeGreaterThanOrEqual(3);
  });

  it('answers 403 to a member on every queue route', async () => {
    const bob = as(t, people.bob);
    const { id } = await probe(people.alice, { delayMs: 3_600_000 });
    await bob.get('/api/admin/queues/stats').expect(403);
    await bob.get('/api/admin/queues/maintenance/jobs').expect(403);
    await bob.get(`/api/admin/queues/maintenance/jobs/${id}`).expect(403);
    await bob.post(`/api/admin/queues/maintenance/jobs/${id}/retry`).expect(403);
    await bob.post('/api/admin/queues/maintenance/retry-failed').expect(403);
    await bob.delete(`/api/admin/queues/maintenance/jobs/${id}`).expect(403);
    await bob.post('/api/admin/queues/maintenance/pause').expect(403);
    await bob.post('/api/admin/queues/probe').send({}).expect(403);
    expect((await job(people.alice, id).expect(200)).body.state).toBe('delayed');
  });

  it('answers 404 to an unknown queue and 400 to bad input, changing nothing', async () => {
    const alice = as(t, people.alice);
    await alice.get('/api/admin/queues/nope/jobs').expect(404);
    await alice.post('/api/admin/queues/nope/retry-failed').expect(404);
    await alice.get('/api/admin/queues/maintenance/jobs/no-such-job').expect(404);
    const bad = await alice.get('/api/admin/queues/maintenance/jobs?state=sleeping').expect(400);
    expect(bad.body.fields).toHaveProperty('state');
    await alice.get('/api/admin/queues/maintenance/jobs?limit=0').expect(400);
    const before = (await maintenance(people.alice)).counts;
    const probeErr = await alice
      .post('/api/admin/queues/probe')
      .send({ failTimes: -1, tenantId: people.dave.tenantId })
      .expect(400);
    expect(Object.keys(probeErr.body.fields).sort()).toEqual(['failTimes', 'tenantId']);
    expect((await maintenance(people.alice)).counts).toEqual(before);
  });

  it('runs a poison job once, lists it as a dead letter with its error, and retries it', async () => {
    const { alice } = people;
    const poison = await probe(alice, { unrecoverable: true, label: 'poison' });
    const failed = await settled(alice, poison.id, 'failed');
    expect(failed).toMatchObject({
      attemptsMade: 1,
      maxAttempts: 5,
      deadLetter: true,
      failedReason: 'probe asked to fail without retry',
    });
    const deadLetters = await list(alice, 'state=failed');
    expect(deadLetters.map((view) => view.id)).toContain(poison.id);
    expect(deadLetters.every((view) => view.deadLetter)).toBe(true);

    const retried = await as(t, alice)
      .post(`/api/admin/queues/maintenance/jobs/${poison.id}/retry`)
      .expect(200);
    expect(['waiting', 'active', 'failed']).toContain(retried.body.state);
    // It ran again (and, being poison, failed again at once). The retry may answer before the
    // job left `failed`: wait for the second attempt, which must then be the last.
    const again = await settled(alice, poison.id, 'failed', (view) => view.attemptsMade > 1);
    expect(again.attemptsMade).toBe(2);
  });

  it('moves a failed job back on retry, and it completes', async () => {
    const { alice } = people;
    const flaky = await probe(alice, { failTimes: 1, attempts: 1 });
    expect(await settled(alice, flaky.id, 'failed')).toMatchObject({
      deadLetter: true,
      failedReason: 'probe failure 1 of 1',
    });
    await as(t, alice).post(`/api/admin/queues/maintenance/jobs/${flaky.id}/retry`).expect(200);
    const completed = await settled(alice, flaky.id, 'completed');
    expect(completed).toMatchObject({ deadLetter: false, failedReason: null });
    // Retrying what has not failed is refused.
    await as(t, alice).post(`/api/admin/queues/maintenance/jobs/${flaky.id}/retry`).expect(409);
  });

  it("retries every dead letter of the admin's organisation, and only those", async () => {
    const { alice, dave } = people;
    const mine = await Promise.all([1, 2].map(() => probe(alice, { failTimes: 1, attempts: 1 })));
    const theirs = await probe(dave, { failTimes: 1, attempts: 1 });
    await Promise.all([
      ...mine.map((view) => settled(alice, view.id, 'failed')),
      settled(dave, theirs.id, 'failed'),
    ]);
    const failedBefore = (await maintenance(alice)).counts.failed;
    const res = await as(t, alice).post('/api/admin/queues/maintenance/retry-failed').expect(200);
    expect(res.body).toEqual({ retried: failedBefore });
    await Promise.all(mine.map((view) => settled(alice, view.id, 'completed')));
    expect((await job(dave, theirs.id).expect(200)).body.state).toBe('failed');
  });

  it('finds a job by a value in its data, or by its id', async () => {
    const { alice } = people;
    const wanted = await probe(alice, { label: 'Engine 42 ladder check', delayMs: 3_600_000 });
    await probe(alice, { label: 'something else', delayMs: 3_600_000 });
    const byLabel = await list(alice, `q=${encodeURIComponent('engine 42')}`);
    expect(byLabel.map((view) => view.id)).toEqual([wanted.id]);
    expect(byLabel[0]).toMatchObject({ state: 'delayed', name: 'probe' });
    expect((await list(alice, `q=${wanted.id}`)).map((view) => view.id)).toEqual([wanted.id]);
    expect(await list(alice, 'q=no-such-value-anywhere')).toEqual([]);
  });

  it("never shows the demo admin the other organisation's jobs", async () => {
    const { alice, dave } = people;
    const theirs = await probe(dave, { label: 'other-tenant-secret', delayMs: 3_600_000 });
    const admin = as(t, alice);
    await job(alice, theirs.id).expect(404);
    await admin.post(`/api/admin/queues/maintenance/jobs/${theirs.id}/retry`).expect(404);
    await admin.delete(`/api/admin/queues/maintenance/jobs/${theirs.id}`).expect(404);
    expect(await list(alice, 'q=other-tenant-secret')).toEqual([]);
    expect((await list(alice, 'limit=100')).map((view) => view.id)).not.toContain(theirs.id);
    expect((await list(alice, 'limit=100')).every((v) => v.data.tenantId === alice.tenantId)).toBe(
      true,
    );
    // Its own admin and the platform operator see it.
    expect((await list(dave, 'q=other-tenant-secret')).map((view) => view.id)).toEqual([theirs.id]);
    expect((await job(olga, theirs.id).expect(200)).body.data.tenantId).toBe(dave.tenantId);
  });

  it('removes a job that is not running', async () => {
    const { alice } = people;
    const { id } = await probe(alice, { delayMs: 3_600_000 });
    await as(t, alice).delete(`/api/admin/queues/maintenance/jobs/${id}`).expect(204);
    await job(alice, id).expect(404);
  });

  it('lets a platform operator pause a queue (work waits) and resume it (work runs)', async () => {
    // An organisation of its own: the jobs an earlier test retried may still wait in the demo one's.
    const [alice] = (await freshTenant(t, 'Alice Chef')) as [Person];
    // Pausing stops every organisation's jobs: a tenant's admin may not.
    await as(t, alice).post('/api/admin/queues/maintenance/pause').expect(403);
    await as(t, olga).post('/api/admin/queues/maintenance/pause').expect(204);
    try {
      expect((await maintenance(alice)).paused).toBe(true);
      const { id } = await probe(alice);
      // Waiting for a second by the queue's own count, then still waiting: paused work waits.
      let paused = await maintenance(alice);
      await waitFor(
        async () => ((paused = await maintenance(alice)).oldestWaitingMs ?? 0) >= 1000,
        30_000,
        'the probe shown waiting for a second',
      );
      expect((await job(alice, id).expect(200)).body.state).toBe('waiting');
      expect(paused.counts.waiting).toBe(1);
      await as(t, olga).post('/api/admin/queues/maintenance/resume').expect(204);
      await settled(alice, id, 'completed');
      expect((await maintenance(alice)).paused).toBe(false);
    } finally {
      await as(t, olga).post('/api/admin/queues/maintenance/resume');
    }
  });
});
