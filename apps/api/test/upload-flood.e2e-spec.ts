import type { ApiError, AttachmentView } from '@mindsp/contracts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { summarize } from '../bench/load/stats';
import { dataSourceOptions } from '../src/database/data-source';
import { startApiProcess, stopApiProcess, type ApiProcess } from './api-process';
import { interlacedPngBomb } from './image-bomb';
import { as, createGroup, freshTenant, type Http, type Person } from './messaging';
import { sleep } from './sockets';

/** The API's resident memory now (Linux), in MB. */
function rssOf(api: ApiProcess): number {
  const status = readFileSync(`/proc/${api.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/**
 * Another tenant's user at work while `flood` runs: the health check and their conversation
 * list, one after the other, each waiting at most 30 s. Returns what the flood returned, every
 * answer the other tenant got (status and time) and the API's peak memory meanwhile.
 */
async function whileOtherTenantWorks<T>(
  t: Http,
  api: ApiProcess,
  other: Person,
  flood: () => Promise<T>,
) {
  const answers: { status: number | 'no answer'; ms: number }[] = [];
  const rssBefore = rssOf(api);
  let rssPeak = rssBefore;
  let flooding = true;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(api))), 100);
  const work = (async () => {
    for (let i = 0; flooding; i++) {
      const started = performance.now();
      const call = i % 2 ? as(t, other).get('/api/conversations') : t.http.get('/api/health');
      const status = await call
        .timeout(30_000)
        .then((res) => res.status)
        .catch((error: { timeout?: number }) => {
          if (error.timeout) return 'no answer' as const;
          throw error;
        });
      answers.push({ status, ms: performance.now() - started });
      await sleep(50);
    }
  })();
  try {
    return { result: await flood(), answers, rssBefore, rssPeak: () => rssPeak };
  } finally {
    flooding = false;
    await work;
    clearInterval(sampler);
  }
}

function report(name: string, run: Awaited<ReturnType<typeof whileOtherTenantWorks>>) {
  const times = summarize(run.answers.map((a) => a.ms));
  console.log(
    `${name}: other tenant's requests ${times.count}, p50 ${times.p50.toFixed(0)} ms, ` +
      `max ${times.max.toFixed(0)} ms, unanswered ${run.answers.filter((a) => a.status === 'no answer').length}; ` +
      `API memory ${run.rssBefore.toFixed(0)} → peak ${run.rssPeak().toFixed(0)} MB`,
  );
}

/**
 * DESIGN invariant 10 (issue 17, "one user can make the API unavailable to every tenant"): a
 * flood of uploads from one account leaves every other tenant answered. The API is its own
 * process (the built `dist/main.js`, default limits), so that what it does to its event loop is
 * measured from outside. Latencies and memory are printed, not asserted.
 */
describe('a flood of uploads from one account', () => {
  const FILES_DIR = mkdtempSync(join(tmpdir(), 'mindsp-flood-'));
  let api: ApiProcess;
  let db: DataSource;
  let t: Http;
  let attacker: Person;
  let other: Person;
  let conversationId: string;

  beforeAll(async () => {
    api = await startApiProcess({ FILES_DIR });
    db = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
    t = { http: request(api.url) };
    const [a, b] = await freshTenant({ db, http: t.http }, 'Alice Flood', 'Bob Flood');
    [other] = await freshTenant({ db, http: t.http }, 'Olga Autre');
    attacker = a!;
    conversationId = (await createGroup(t, attacker, [b!])).id;
  }, 60_000);
  afterAll(async () => {
    await stopApiProcess(api);
    await db?.destroy();
    rmSync(FILES_DIR, { recursive: true, force: true });
  });

  /** Told to wait, as a client would: recorded in `busy`, then tried again. */
  const busy: { retryAfter: number; code?: string }[] = [];

  /**
   * Refusals the client could not read: supertest asks for `Connection: close`, so Node ends the
   * connection once the 429 is sent, while the client still writes its 25 MB (EPIPE). A browser
   * keeps the connection, and Node then reads and drops the rest: it reads the 429.
   */
  let cutWhileWriting = 0;

  async function upload(bytes: Buffer, filename: string, contentType: string) {
    for (let attempt = 0; attempt < 30; attempt++) {
      let res: request.Response;
      try {
        res = await as(t, attacker)
          .post(`/api/conversations/${conversationId}/attachments`)
          .attach('file', bytes, { filename, contentType })
          .timeout(120_000);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EPIPE' && code !== 'ECONNRESET') throw error;
        cutWhileWriting += 1;
        await sleep(1000);
        continue;
      }
      if (res.status !== 429) return res;
      const retryAfter = Number(res.headers['retry-after']);
      busy.push({ retryAfter, code: (res.body as ApiError).code });
      await sleep(retryAfter * 1000);
    }
    throw new Error(`${filename} was never answered but "wait"`);
  }

  it('refuses image bombs (413, image_too_large) while other tenants stay answered', async () => {
    // 10,000 × 10,000 16-bit interlaced: 583 kB on the wire, 600 MB once decoded.
    const bomb = await interlacedPngBomb();
    const run = await whileOtherTenantWorks(t, api, other, () =>
      Promise.all(Array.from({ length: 6 }, (_, i) => upload(bomb, `bomb-${i}.png`, 'image/png'))),
    );
    report('image bombs ×6', run);
    console.log(`  uploads told to wait: ${busy.length}`);
    for (const res of run.result) {
      expect(res.status).toBe(413);
      expect((res.body as ApiError).code).toBe('image_too_large');
    }
    expect(run.answers.every((a) => a.status === 200)).toBe(true);
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM message_attachments WHERE conversation_id = $1`,
      [conversationId],
    );
    expect(count).toBe(0);
  }, 300_000);

  it('streams 25 MB uploads, holds one user to a few at once (429 + Retry-After), and other tenants stay answered', async () => {
    const big = Buffer.alloc(25 * 1024 * 1024 - 1024, 'MindSP flood ');
    busy.length = 0;
    // 16 at once, each tried again when told to wait, until stored.
    const run = await whileOtherTenantWorks(t, api, other, () =>
      Promise.all(
        Array.from({ length: 16 }, (_, i) => upload(big, `rapport-${i}.txt`, 'text/plain')),
      ),
    );
    report('25 MB uploads ×16', run);
    console.log(`  uploads told to wait: ${busy.length}; cut while writing: ${cutWhileWriting}`);
    for (const res of run.result) {
      expect(res.status).toBe(201);
      expect((res.body as AttachmentView).size).toBe(big.length);
    }
    expect(busy.length).toBeGreaterThan(0);
    for (const refusal of busy) {
      expect(refusal.code).toBe('uploads_busy');
      expect(refusal.retryAfter).toBeGreaterThan(0);
    }
    expect(run.answers.every((a) => a.status === 200)).toBe(true);
  }, 600_000);
});
