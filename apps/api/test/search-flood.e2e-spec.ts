import { randomUUID } from 'node:crypto';
import { startApp, type TestApp } from './app';
import { ownerConnection } from './db-state';
import { ownerQuery } from './db-state';
import { as, createGroup, demoSuite, freshTenant, SEND_FREELY, type Person } from './messaging';
import { sleep } from './sockets';
import { waitFor } from './wait-for';

/**
 * Issue 17.2: one user's storm of long OR searches made every tenant's sign-ins, conversation
 * lists and health checks answer 503 or take 20 s (the searches took every pooled connection), and
 * the searches went on running in PostgreSQL after their clients gave up. The flood runs here with
 * the product's own timeouts while another tenant keeps working; its answers must all come, and no
 * search may be left running once the flood is over. Durations are printed, not asserted.
 */

/** Words of the fire service's daily messages: every seeded message holds several of them. */
const WORDS = [
  'incendie',
  'caserne',
  'astreinte',
  'intervention',
  'vehicule',
  'formation',
  'materiel',
  'consignes',
  'planning',
  'secteur',
  'reunion',
  'manoeuvre',
];
/**
 * 200 characters of OR'ed words, each matching a quarter of the seeded messages; as many words as
 * a search may have (spaces make up the length).
 */
const FLOOD_QUERY =
  `${WORDS.slice(0, -1).join(' or ')} or`.padEnd(200 - WORDS.at(-1)!.length) + WORDS.at(-1);
const SEEDED_MESSAGES = 60_000;
const FLOOD_SECONDS = 10;
const SEARCHES_PER_SECOND = 10;
/** The flooding client gives up on a search after this long (as a browser tab closed). */
const GIVE_UP_MS = 2_000;

/** Search statements of the run's database that PostgreSQL is still executing. */
async function runningSearches(): Promise<number> {
  const [row] = await ownerQuery<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND state = 'active'
       AND query LIKE '%websearch_to_tsquery%' AND pid <> pg_backend_pid()`,
  );
  return row!.n;
}

/** Fills a conversation with messages straight in SQL (sending 60,000 is not the test). */
async function seedMessages(t: TestApp, conversationId: string, senderId: string, n: number) {
  await t.db.query(
    `INSERT INTO messages (conversation_id, seq, change_seq, sender_id, client_message_id, body)
     SELECT $1, i, i, $2, 'flood-' || i,
            'Message ' || i || ' : ' || ($3::text[])[1 + i % 12] || ' ' || ($3::text[])[1 + (i / 12) % 12]
            || ' ' || ($3::text[])[1 + (i / 144) % 12] || ' avant la garde du soir'
     FROM generate_series(1, $4) AS i`,
    [conversationId, senderId, WORDS, n],
  );
  await t.db.query(`UPDATE conversations SET last_seq = $2, last_change = $2 WHERE id = $1`, [
    conversationId,
    n,
  ]);
  await t.db.query(`ANALYZE messages`);
}

interface Timed {
  status: number | 'gave up' | 'error';
  ms: number;
  /** A 429's Retry-After header and body. */
  refusal?: { retryAfter: string | undefined; body: unknown };
}

type Answer = { status: number; headers: Record<string, string>; body: unknown };

async function timed(request: () => PromiseLike<Answer>): Promise<Timed> {
  const started = performance.now();
  try {
    const res = await request();
    const refusal =
      res.status === 429 ? { retryAfter: res.headers['retry-after'], body: res.body } : undefined;
    return { status: res.status, ms: performance.now() - started, refusal };
  } catch (error) {
    const gaveUp = (error as { timeout?: number }).timeout !== undefined;
    return { status: gaveUp ? 'gave up' : 'error', ms: performance.now() - started };
  }
}

function figures(label: string, answers: Timed[]) {
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
  const p50 = ms[Math.floor(ms.length / 2)] ?? 0;
  return `${label.padEnd(28)} n=${String(answers.length).padStart(4)} p50=${p50.toFixed(0).padStart(6)} ms max=${(ms.at(-1) ?? 0).toFixed(0).padStart(6)} ms ${JSON.stringify(statuses)}`;
}

describe('a search flood', () => {
  let t: TestApp;
  demoSuite(SEND_FREELY, (suite) => ({ t } = suite));
  let flooder: Person, other: Person, otherSlug: string;
  let conversationId: string;

  beforeAll(async () => {
    const [flo, gus] = await freshTenant(t, 'Flo Flood', 'Gus Flood');
    conversationId = (await createGroup(t, flo!, [gus!])).id;
    await seedMessages(t, conversationId, flo!.id, SEEDED_MESSAGES);
    flooder = flo!;
    [other] = await freshTenant(t, 'Oda Other');
    [{ slug: otherSlug }] = await ownerQuery<{ slug: string }>(
      `SELECT slug FROM tenants WHERE id = $1`,
      [other!.tenantId],
    );
  }, 120_000);

  // The 60,000 messages would slow every later suite of the run that reads whole tables.
  afterAll(() => ownerQuery(`DELETE FROM conversations WHERE id = $1`, [conversationId]), 60_000);

  it('leaves other tenants answered and no search running once it ends', async () => {
    const one = await timed(() =>
      as(t, flooder).get('/api/search/messages').query({ q: FLOOD_QUERY, conversationId }),
    );
    console.log(`one flood search alone: ${one.status} in ${one.ms.toFixed(0)} ms`);

    const searches: Promise<Timed>[] = [];
    const signIns: Timed[] = [];
    const lists: Timed[] = [];
    const healths: Timed[] = [];
    let flooding = true;
    const otherTenant = (async () => {
      while (flooding) {
        signIns.push(
          await timed(() =>
            t.http
              .post('/api/auth/login')
              .send({ tenant: otherSlug, email: `oda@${otherSlug}.test`, password: 'demo1234' }),
          ),
        );
        lists.push(await timed(() => as(t, other).get('/api/conversations')));
        healths.push(await timed(() => t.http.get('/api/health')));
      }
    })();
    const started = Date.now();
    while (Date.now() - started < FLOOD_SECONDS * 1000) {
      searches.push(
        timed(() =>
          as(t, flooder)
            .get('/api/search/messages')
            .query({ q: FLOOD_QUERY, conversationId })
            .timeout(GIVE_UP_MS),
        ),
      );
      // The flood's pace: ten searches a second, whatever became of the earlier ones.
      await sleep(1000 / SEARCHES_PER_SECOND);
    }
    const floodAnswers = await Promise.all(searches);
    flooding = false;
    await otherTenant;

    // Every search has had its answer or been given up: none may still run in PostgreSQL.
    const ended = performance.now();
    let left = await runningSearches();
    const leftAtEnd = left;
    await waitFor(async () => (left = await runningSearches()) === 0, 1_000, 'searches gone').catch(
      () => undefined,
    );
    console.log(
      [
        `flood: ${FLOOD_SECONDS} s of ${SEARCHES_PER_SECOND} searches/s, ${FLOOD_QUERY.length} characters, ${SEEDED_MESSAGES} messages`,
        figures('flood searches', floodAnswers),
        figures('other tenant: sign-in', signIns),
        figures('other tenant: conversations', lists),
        figures('other tenant: health', healths),
        `search statements running when the flood ended: ${leftAtEnd}, ${(performance.now() - ended).toFixed(0)} ms later: ${left}`,
      ].join('\n'),
    );

    const statuses = (answers: Timed[]) => [...new Set(answers.map((a) => a.status))];
    expect({
      signIns: statuses(signIns),
      lists: statuses(lists),
      healths: statuses(healths),
    }).toEqual({ signIns: [200], lists: [200], healths: [200] });
    // The flood's own searches: answered, refused (429) or given up, never a 500; a refusal says
    // when to try again, in the API's usual 429.
    expect(floodAnswers.filter((a) => a.status === 'error' || a.status === 500)).toEqual([]);
    const refusals = floodAnswers.flatMap((a) => (a.refusal ? [a.refusal] : []));
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      expect(refusal).toEqual({
        retryAfter: '1',
        body: {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'Too many searches at once; try again in 1 s',
          retryAfterSeconds: 1,
          code: 'rate_limited',
        },
      });
    }
    expect(left).toBe(0);
    // Still a working search once the flood is over.
    await as(t, flooder)
      .get('/api/search/messages')
      .query({ q: `planning ${randomUUID().slice(0, 4)}`, conversationId })
      .expect(200);
  }, 180_000);
  it('cancels a search in PostgreSQL when its client goes away, long before its timeout', async () => {
    // The search waits on a lock held here: it would run until the lock goes, whatever its cost.
    // Timeouts far away, so only the cancellation can end it.
    const patient = await startApp({ SEARCH_TIMEOUT: '60s', DATABASE_QUERY_TIMEOUT: '120s' });
    const locker = await ownerConnection();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE messages IN ACCESS EXCLUSIVE MODE');
      const pending = as(patient, flooder)
        .get('/api/search/messages')
        .query({ q: 'planning', conversationId });
      const answered = pending.then(
        () => 'answered',
        () => 'gave up',
      );
      await waitFor(async () => (await runningSearches()) === 1, 10_000, 'the search running');
      pending.abort();
      expect(await answered).toBe('gave up');
      const aborted = performance.now();
      await waitFor(async () => (await runningSearches()) === 0, 10_000, 'the search cancelled');
      console.log(
        `aborted search gone from pg_stat_activity ${(performance.now() - aborted).toFixed(0)} ms after its client left (its timeout: 60 s)`,
      );
      // Its slot was given back (the user's limit is 2: three searches in a row tell).
      await locker.query('ROLLBACK');
      for (let i = 0; i < 3; i++) {
        await as(patient, flooder)
          .get('/api/search/messages')
          .query({ q: `introuvable${i}`, conversationId })
          .expect(200);
      }
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
      await patient.close();
    }
  }, 60_000);
});
