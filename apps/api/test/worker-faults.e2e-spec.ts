import { Job, Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import { PROBE_JOB, type ProbeJobData, type ProbeResult } from '../src/queues/probe-jobs.service';
import { QUEUE_PREFIX, QUEUES, queueConnection } from '../src/queues/queue-connection';
import { startApp } from './app';
import { OwnRedis } from './redis-server';
import { waitFor } from './wait-for';
import { startWorker, stopWorker, type WorkerProcess } from './worker-process';

/** Short stall detection, so a killed worker's job comes back within seconds. */
const FAST_STALL_DETECTION = { QUEUE_LOCK_DURATION: '2000', QUEUE_STALLED_INTERVAL: '1000' };

describe('queue worker faults', () => {
  const connection = queueConnection(process.env.REDIS_URL!);
  const queue = new Queue(QUEUES.maintenance, { connection, prefix: QUEUE_PREFIX });
  const events = new QueueEvents(QUEUES.maintenance, { connection, prefix: QUEUE_PREFIX });
  const workers: WorkerProcess[] = [];

  beforeAll(() => events.waitUntilReady());
  afterEach(async () => {
    await Promise.all(workers.splice(0).map(stopWorker));
  });
  afterAll(() => Promise.all([queue.close(), events.close()]));

  async function worker(env: Record<string, string> = {}) {
    const started = await startWorker({ ...FAST_STALL_DETECTION, ...env });
    workers.push(started);
    return started;
  }

  /** A probe of tenant-less maintenance (as the platform sends), working `sleepMs`. */
  const probe = (sleepMs: number) =>
    queue.add(PROBE_JOB, { tenantId: 'platform', requestedBy: 'test', sleepMs } as ProbeJobData);

  async function activeOn(job: Job) {
    for (let i = 0; i < 200; i++) {
      if ((await job.getState()) === 'active') return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`job ${job.id} never became active`);
  }

  it('on SIGTERM, finishes the active 2-second job, then exits 0', async () => {
    const draining = await worker();
    const job = await probe(2000);
    await activeOn(job);
    draining.child.kill('SIGTERM');

    expect(await draining.exited).toEqual({ code: 0, signal: null });
    const finished = (await queue.getJob(job.id!))!;
    expect(await finished.getState()).toBe('completed');
    expect((finished.returnvalue as ProbeResult).workerPid).toBe(draining.pid);
    expect(draining.output()).toContain('SIGTERM received: finishing active jobs');
  });

  it('runs a SIGKILLed worker’s job again on another worker after stall detection, once', async () => {
    const completions: string[] = [];
    const stalls: string[] = [];
    const onCompleted = ({ jobId }: { jobId: string }) => completions.push(jobId);
    const onStalled = ({ jobId }: { jobId: string }) => stalls.push(jobId);
    events.on('completed', onCompleted);
    events.on('stalled', onStalled);
    try {
      const doomed = await worker();
      const job = await probe(1500);
      await activeOn(job);
      doomed.child.kill('SIGKILL');
      expect((await doomed.exited).signal).toBe('SIGKILL');

      const survivor = await worker();
      const result = (await job.waitUntilFinished(events, 20_000)) as ProbeResult;
      expect(result.workerPid).toBe(survivor.pid);
      // A duplicate, were there one, would be waiting or running (the maintenance schedule's own
      // jobs wait delayed): wait until the queue holds none, then until its events have come
      // through (a last job of our own, after them).
      await waitFor(
        async () =>
          Object.values(await queue.getJobCounts('wait', 'active', 'prioritized')).every((n) => !n),
        20_000,
        'the maintenance queue to be idle',
      );
      const marker = await probe(0);
      const survivorResult = (await marker.waitUntilFinished(events, 20_000)) as ProbeResult;
      expect(survivorResult.workerPid).toBe(survivor.pid);
      expect(completions.filter((id) => id === job.id)).toEqual([job.id]);
      expect(stalls.filter((id) => id === job.id)).toEqual([job.id]);
      expect((await queue.getJob(job.id!))!.attemptsStarted).toBe(2);
    } finally {
      events.off('completed', onCompleted);
      events.off('stalled', onStalled);
    }
  });

  describe('with a Redis eviction policy that may drop jobs', () => {
    // CONFIG SET is server-wide: on a Redis of this test's own, never on the one other suites use.
    let own: OwnRedis;
    let redis: Redis;
    beforeAll(async () => {
      own = await OwnRedis.start();
      redis = new Redis(own.url);
    });
    afterAll(async () => {
      redis.disconnect();
      await own.stop();
    });

    it('warns in the boot log of the worker and in /api/health, still 200', async () => {
      const app = await startApp({ REDIS_URL: own.url });
      try {
        const healthy = await app.http.get('/api/health').expect(200);
        expect(healthy.body).toMatchObject({ redisEvictionPolicy: 'noeviction', warnings: [] });

        await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
        const warned = await app.http.get('/api/health').expect(200);
        expect(warned.body).toMatchObject({ status: 'ok', redisEvictionPolicy: 'allkeys-lru' });
        expect(warned.body.warnings).toEqual([expect.stringContaining('"noeviction"')]);
        const started = await worker({ REDIS_URL: own.url });
        expect(started.output()).toContain('Redis maxmemory-policy is "allkeys-lru"');
      } finally {
        await app.close();
      }
    });
  });
});
