/**
 * Benchmark of the queries that grow with the message table: full-text search, history pages and
 * the conversation list, run as the services send them, against 100,000 messages.
 *
 *   pnpm nx run api:bench          (DATABASE_URL picks the server; a throwaway database is used)
 *
 * It creates `mindsp_bench_<timestamp>`, migrates it, seeds it, prints each query's
 * EXPLAIN (ANALYZE, BUFFERS), checks the plan uses the index the query was written for, times it,
 * and drops the database, also on failure. Exits 1 when a query does not use its index.
 *
 * The queries are the product's own: the repositories build them (`*Query` methods) and the
 * bench EXPLAINs what they return, as the app role inside a tenant's transaction, so row-level
 * security's filter is in the plan as it is in production. Runs under tsx, which compiles
 * decorators without their metadata: only entities whose columns all name their type load here.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { LIMITS, MESSAGING_LIMITS } from '@mindsp/contracts';
import { Client } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import {
  Conversation,
  ConversationFormerMember,
  ConversationMember,
} from '../src/conversations/conversation.entity';
import { ConversationsRepository } from '../src/conversations/conversations.repository';
import { Message } from '../src/conversations/message.entity';
import { MessagesRepository } from '../src/conversations/messages.repository';
import { MessageSearchRepository } from '../src/conversations/message-search.repository';
import { APP_ROLE } from '../src/database/migrations/1733000000000-tenant-wall';

const MESSAGE_COUNT = 100_000;
const DIRECT_CONVERSATIONS = 120;
const GROUP_CONVERSATIONS = 80;
const USER_COUNT = 20;
const TIMED_RUNS = 50;
const WARMUP_RUNS = 5;

const MIGRATIONS_DIR = resolve(__dirname, '../src/database/migrations');

/**
 * The migration classes, loaded by path (data-source.ts's list comes with every entity). Only the
 * classes: a migration file also exports helpers (wallTenantTable), which TypeORM's glob loading
 * took for migrations and failed on.
 */
async function migrationClasses(): Promise<(new () => unknown)[]> {
  const files = readdirSync(MIGRATIONS_DIR).filter((file) => file.endsWith('.ts'));
  const modules: object[] = await Promise.all(
    files.map((file) => import(resolve(MIGRATIONS_DIR, file))),
  );
  return modules
    .flatMap((exported) => Object.values(exported))
    .filter((value) => typeof value === 'function' && typeof value.prototype?.up === 'function');
}

// ---------------------------------------------------------------------------------------------
// Seed: a tenant, 20 users, 200 conversations and 100,000 messages, generated inside PostgreSQL.
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Alice',
  'Bruno',
  'Camille',
  'Damien',
  'Élodie',
  'François',
  'Gaëlle',
  'Hugo',
  'Inès',
  'Jérôme',
];
const LAST_NAMES = [
  'Martin',
  'Durand',
  'Petit',
  'Lefèvre',
  'Moreau',
  'Girard',
  'Rousseau',
  'Bénard',
  'Faure',
  'Mercier',
];
const GROUP_TITLES = [
  'Garde CIS Nord',
  'Équipe SAP',
  'Astreinte chefs de groupe',
  'Formation PSE',
  'Section sportive',
  'Logistique remises',
  'Feux de forêt',
  'Plongeurs',
];
const STREETS = [
  'rue des Lilas',
  'avenue Jean-Jaurès',
  'place de la République',
  'chemin des Écoliers',
  'boulevard Pasteur',
  'rue Émile-Zola',
  'impasse des Peupliers',
  'route de Lyon',
  'quai de la Saône',
  'allée des Châtaigniers',
];
const HOURS = ['6h', '7h30', '8h', '12h', '14h', '18h', '19h30', '20h', '22h'];
const VEHICLES = ['VSAV', 'FPT', 'EPA', 'VL', 'CCF', 'VTU', 'FPTL', 'VSR'];

/** format() arguments: %1$s street, %2$s hour, %3$s vehicle, %4$s first name. "garde" is in 4 of 20. */
const COMMON_TEMPLATES = [
  'Réunion de garde à %2$s, salle de briefing.',
  'Intervention %3$s %1$s, victime consciente, transport vers le CH.',
  'Exercice incendie caserne demain à %2$s, tenue complète.',
  'Qui prend la garde de nuit samedi ? %4$s est en congé.',
  'Retour du %3$s au centre, matériel à reconditionner.',
  'Départ %3$s pour feu de poubelle %1$s.',
  'Relève de la garde à %2$s, pensez au carnet de bord.',
  'Le %3$s est indisponible, passage au garage prévu à %2$s.',
  'Accident de la circulation %1$s, deux véhicules, pas de blessé grave.',
  "Merci à l'équipe pour l'intervention de cette nuit 👍",
  'Contrôle des ARI effectué, tout est conforme.',
  'Formation secourisme PSE2 à %2$s, inscrivez-vous auprès de %4$s.',
  'Feu de végétation signalé %1$s, le CCF part en reconnaissance.',
  'Point météo : vigilance orange orages à partir de %2$s.',
  'Ok bien reçu.',
  'Je serai en retard de dix minutes pour la garde.',
  'Inventaire de la pharmacie du %3$s à faire avant %2$s.',
  'Fuite de gaz %1$s, périmètre de sécurité établi, GRDF prévenu.',
  'Nettoyage des remises après la manœuvre, merci %4$s.',
  "Ascenseur bloqué %1$s, une personne à l'intérieur, on y va avec le %3$s.",
];
/** About 1 message in 1,000: what the selective search looks for ("eboulement", without accent). */
const RARE_TEMPLATE = 'Éboulement sur la RD 12 près de %1$s, chaussée coupée, %3$s sur place.';
const RARE_RATE = 0.001;
/** Deleted messages keep their seq and lose their body; search must skip them. */
const DELETED_RATE = 0.005;

interface Fixture {
  tenantId: string;
  userId: string;
  /** The biggest conversation the user is in: where history is paged. */
  conversationId: string;
  lastSeq: number;
}

async function seed(
  db: Client,
): Promise<{ fixture: Fixture; messagesMs: number; vacuumMs: number }> {
  // random() is seeded per session: the same data set on every run (ids aside).
  await db.query(`SELECT setseed(0.2024)`);
  const [tenant] = (
    await db.query(
      `INSERT INTO tenants (slug, name) VALUES ('bench', 'SDIS Banc d''essai') RETURNING id`,
    )
  ).rows;
  await db.query(
    `CREATE TEMP TABLE bench_users AS
     SELECT gen_random_uuid() AS id, no FROM generate_series(1, $1::int) AS no`,
    [USER_COUNT],
  );
  await db.query(
    `INSERT INTO users (id, tenant_id, email, display_name, password_hash, role)
     SELECT id, $1, 'agent' || lpad(no::text, 2, '0') || '@bench.test',
            ($2::text[])[1 + (no - 1) % 10] || ' ' || ($3::text[])[1 + (no * 3) % 10],
            'not-a-hash: nobody logs in', CASE WHEN no = 1 THEN 'admin' ELSE 'member' END
     FROM bench_users`,
    [tenant.id, FIRST_NAMES, LAST_NAMES],
  );

  // Per conversation: its members and how many messages it gets. Sizes follow a power law
  // (a few busy groups, a long tail) so history is paged in a conversation of ~10,000 messages.
  await db.query(
    `CREATE TEMP TABLE bench_conversations AS
     WITH direct AS (
       SELECT ARRAY[a.id, b.id] AS members, a.id AS creator
       FROM bench_users a JOIN bench_users b ON a.no < b.no
       ORDER BY random() LIMIT $1
     ), grp AS (
       SELECT g, 1 + (g * 7) % $3::int AS creator_no FROM generate_series(1, $2::int) AS g
     ), groups AS (
       SELECT g,
              -- user 1, the one the queries run as, is in most groups: the heavy reader.
              ARRAY(SELECT u.id FROM bench_users u
                    WHERE u.no = grp.creator_no OR random() < CASE WHEN u.no = 1 THEN 0.8 ELSE 0.3 END) AS members,
              (SELECT u.id FROM bench_users u WHERE u.no = grp.creator_no) AS creator
       FROM grp
     ), planned AS (
       SELECT 'direct' AS kind, NULL::text AS title, members, creator FROM direct
       UNION ALL
       SELECT 'group', ($4::text[])[1 + g % cardinality($4::text[])] || ' ' || g, members, creator FROM groups
     ), ranked AS (
       SELECT *, power(row_number() OVER (ORDER BY random()), -0.8) AS weight FROM planned
     ), sized AS (
       SELECT *, floor($5::int * weight / sum(weight) OVER ())::int AS n, row_number() OVER (ORDER BY weight DESC) AS size_rank
       FROM ranked
     )
     SELECT gen_random_uuid() AS id, kind, title, members, creator,
            -- the rounding remainder goes to the biggest conversation: exactly $5 messages in all
            n + CASE WHEN size_rank = 1 THEN $5::int - (sum(n) OVER ())::int ELSE 0 END AS message_count,
            now() - interval '30 days' * random() AS last_message_at
     FROM sized`,
    [DIRECT_CONVERSATIONS, GROUP_CONVERSATIONS, USER_COUNT, GROUP_TITLES, MESSAGE_COUNT],
  );
  await db.query(
    `INSERT INTO conversations (id, tenant_id, kind, title, direct_key, created_by, last_seq, created_at, updated_at)
     SELECT id, $1, kind, title,
            CASE WHEN kind = 'direct' THEN least(members[1]::text, members[2]::text) || ':' || greatest(members[1]::text, members[2]::text) END,
            creator, message_count, last_message_at - interval '91 days', last_message_at
     FROM bench_conversations`,
    [tenant.id],
  );
  await db.query(
    `INSERT INTO conversation_members (conversation_id, user_id, last_read_seq, joined_at)
     SELECT c.id, u, greatest(0, c.message_count - floor(random() * 5)::int), c.last_message_at - interval '91 days'
     FROM bench_conversations c, unnest(c.members) AS u`,
  );

  const started = performance.now();
  // One INSERT ... SELECT: gap-free seqs 1..n per conversation, a random member as sender.
  await db.query(
    `INSERT INTO messages (conversation_id, seq, sender_id, client_message_id, body, created_at, deleted_at)
     SELECT c.id, s.seq, c.members[1 + floor(random() * cardinality(c.members))::int], gen_random_uuid()::text,
            CASE WHEN r.deleted THEN '' ELSE r.body END,
            r.created_at, CASE WHEN r.deleted THEN r.created_at + interval '1 minute' END
     FROM bench_conversations c
     CROSS JOIN LATERAL generate_series(1, c.message_count) AS s(seq)
     CROSS JOIN LATERAL (
       -- Spread over the 90 days before the conversation's updated_at, in seq order. The subquery
       -- refers to s.seq, so it runs once per message; its volatile random() keeps it from being
       -- flattened, so body and deleted_at agree on the one draw.
       SELECT random() < $6 AS deleted,
              c.last_message_at - interval '90 days' * (c.message_count - s.seq) / c.message_count AS created_at,
              format(
                CASE WHEN random() < $8 THEN $7 ELSE ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] END,
                ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int],
                ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int],
                ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int],
                ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int]
              ) AS body
     ) AS r`,
    [
      COMMON_TEMPLATES,
      STREETS,
      HOURS,
      VEHICLES,
      FIRST_NAMES,
      DELETED_RATE,
      RARE_TEMPLATE,
      RARE_RATE,
    ],
  );
  const messagesMs = performance.now() - started;
  // VACUUM too, as autovacuum would have by then: it empties the GIN pending list (left by the
  // inserts, scanned linearly by every search) and sets the visibility map.
  const vacuumStarted = performance.now();
  await db.query(`VACUUM ANALYZE`);
  const vacuumMs = performance.now() - vacuumStarted;

  const [user] = (await db.query(`SELECT id FROM bench_users WHERE no = 1`)).rows;
  const [target] = (
    await db.query(
      `SELECT c.id, c.last_seq FROM conversations c JOIN conversation_members me ON me.conversation_id = c.id
       WHERE me.user_id = $1 ORDER BY c.last_seq DESC LIMIT 1`,
      [user.id],
    )
  ).rows;
  const fixture = {
    tenantId: tenant.id,
    userId: user.id,
    conversationId: target.id,
    lastSeq: Number(target.last_seq),
  };
  return { fixture, messagesMs, vacuumMs };
}

interface SeedTimes {
  totalMs: number;
  messagesMs: number;
  vacuumMs: number;
}

// ---------------------------------------------------------------------------------------------
// Plans and timings
// ---------------------------------------------------------------------------------------------

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  Plans?: PlanNode[];
}

interface Case {
  name: string;
  sql: string;
  params: unknown[];
  /** Why the plan is wrong, or null when it uses the index the query was written for. */
  check: (nodes: PlanNode[]) => string | null;
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

function seqScanOnMessages(nodes: PlanNode[]): string | null {
  return nodes.some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'messages')
    ? 'Seq Scan on messages'
    : null;
}

const usesSearchIndex = (nodes: PlanNode[]) =>
  seqScanOnMessages(nodes) ??
  (nodes.some(
    (n) => n['Node Type'] === 'Bitmap Index Scan' && n['Index Name'] === 'messages_search_idx',
  )
    ? null
    : 'no Bitmap Index Scan on messages_search_idx');

const usesSeqIndex = (nodes: PlanNode[]) =>
  seqScanOnMessages(nodes) ??
  (nodes.some(
    (n) =>
      ['Index Scan', 'Index Only Scan'].includes(n['Node Type']) &&
      n['Index Name'] === 'messages_conversation_seq_unique',
  )
    ? null
    : 'no Index Scan on messages_conversation_seq_unique');

/** How the plan reads messages, in a few words: "Bitmap Index Scan on messages_search_idx". */
function messagesAccess(nodes: PlanNode[]): string {
  const parts = nodes.flatMap((n) => {
    if (n['Relation Name'] === 'messages') {
      const backward = n['Scan Direction'] === 'Backward' ? ' Backward' : '';
      return [`${n['Node Type']}${backward}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`];
    }
    if (n['Node Type'] === 'Bitmap Index Scan' && n['Index Name']?.startsWith('messages_')) {
      return [`Bitmap Index Scan on ${n['Index Name']}`];
    }
    return [];
  });
  return parts.length ? [...new Set(parts)].join(' + ') : '(messages not read)';
}

const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Result {
  name: string;
  access: string;
  problem: string | null;
  rows: number;
  executionMs: number;
  medianMs: number;
  p95Ms: number;
}

async function measure(db: Client, c: Case): Promise<Result> {
  const text = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, c.params);
  const [
    {
      'QUERY PLAN': [json],
    },
  ] = (await db.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${c.sql}`, c.params)).rows;
  const nodes = flatten(json.Plan);
  const problem = c.check(nodes);
  console.log(`\n=== ${c.name}${problem ? `  ✗ ${problem}` : '  ✓'}`);
  console.log(text.rows.map((row) => row['QUERY PLAN']).join('\n'));

  let rows = 0;
  for (let i = 0; i < WARMUP_RUNS; i++) rows = (await db.query(c.sql, c.params)).rowCount ?? 0;
  const times: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const started = performance.now();
    await db.query(c.sql, c.params);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    name: c.name,
    access: messagesAccess(nodes),
    problem,
    rows,
    executionMs: json['Execution Time'],
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
  };
}

/** The product's queries for the fixture, as the repositories build them for the services. */
async function cases(db: Client, orm: EntityManager, f: Fixture): Promise<Case[]> {
  const conversations = new ConversationsRepository();
  const messages = new MessagesRepository();
  const searches = new MessageSearchRepository();
  const searchLimit = 20; // search.service.ts: query.limit ?? 20
  const pageLimit = MESSAGING_LIMITS.messagePageDefault;
  const search = (text: string) =>
    searches.searchQuery({
      text,
      userId: f.userId,
      tenantId: f.tenantId,
      conversationId: null,
      limit: searchLimit + 1,
      offset: 0,
    });
  // messages.service.ts page(): one row more than the page.
  const history = (before?: number) =>
    messages.pageQuery(orm, f.conversationId, { before }, pageLimit + 1).getQueryAndParameters();
  const [listSql, listParams] = conversations
    .listQuery(orm, { userId: f.userId, tenantId: f.tenantId, limit: LIMITS.pageSizeDefault + 1 })
    .getQueryAndParameters();
  const listed: string[] = (await db.query(listSql, listParams)).rows
    .slice(0, LIMITS.pageSizeDefault)
    .map((row) => row.id);
  const olderThan = Math.floor(f.lastSeq / 2);
  const run = ([sql, params]: [string, unknown[]]) => ({ sql, params });
  return [
    {
      name: 'search, selective word ("eboulement")',
      ...run(search('eboulement')),
      check: usesSearchIndex,
    },
    { name: 'search, common word ("garde")', ...run(search('garde')), check: usesSearchIndex },
    { name: 'history, latest page', ...run(history()), check: usesSeqIndex },
    {
      name: `history, older page (before ${olderThan})`,
      ...run(history(olderThan)),
      check: usesSeqIndex,
    },
    // The list itself reads no messages; a Seq Scan on the small member and conversation tables is fine.
    { name: 'conversation list', sql: listSql, params: listParams, check: seqScanOnMessages },
    {
      name: 'conversation list: last messages',
      ...run(conversations.lastMessagesQuery(orm, listed).getQueryAndParameters()),
      check: usesSeqIndex,
    },
  ];
}

async function describeData(db: Client, f: Fixture) {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM conversations) AS conversations,
            (SELECT count(*) FROM conversation_members WHERE user_id = $1) AS of_user,
            (SELECT count(*) FROM messages) AS messages,
            (SELECT bool_and(c.last_seq = (SELECT max(seq) FROM messages m WHERE m.conversation_id = c.id)
                             AND c.last_seq = (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id))
             FROM conversations c)
            AND NOT EXISTS (SELECT 1 FROM messages WHERE (deleted_at IS NULL) = (body = '')) AS consistent,
            (SELECT count(*) FROM messages WHERE search_vector @@ websearch_to_tsquery('mindsp_search', 'eboulement')) AS eboulement,
            (SELECT count(*) FROM messages WHERE search_vector @@ websearch_to_tsquery('mindsp_search', 'garde')) AS garde,
            pg_size_pretty(pg_total_relation_size('messages')) AS messages_size`,
    [f.userId],
  );
  const d = rows[0];
  console.log(
    `${d.conversations} conversations (user in ${d.of_user}), ${d.messages} messages (${d.messages_size}), ` +
      `seqs gap-free, last_seq = max(seq), deleted = empty body: ${d.consistent}; history conversation has ${f.lastSeq} messages; ` +
      `"eboulement" matches ${d.eboulement}, "garde" matches ${d.garde}`,
  );
  if (!d.consistent)
    throw new Error(
      'seed is inconsistent: seq gaps, last_seq off, or deleted messages with a body',
    );
}

// ---------------------------------------------------------------------------------------------

function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@localhost:5432/mindsp');
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(sql: string) {
  const client = new Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const name = `mindsp_bench_${Date.now()}`;
  const url = serverUrl(name);
  let db: Client | undefined;
  let orm: DataSource | undefined;
  let dropped: Promise<void> | undefined;
  // Once only, whether the run ends, fails or is interrupted.
  const drop = () =>
    (dropped ??= (async () => {
      await db?.end().catch(() => undefined);
      await orm?.destroy().catch(() => undefined);
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      console.log(`Dropped ${name}`);
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void drop().finally(() => process.exit(130)));
  }

  const started = performance.now();
  await admin(`CREATE DATABASE "${name}"`);
  try {
    // The conversations module's entities: the repositories build their queries from them.
    orm = new DataSource({
      type: 'postgres',
      url,
      entities: [Conversation, ConversationMember, ConversationFormerMember, Message],
      migrations: await migrationClasses(),
      logging: false,
    });
    await orm.initialize();
    const applied = await orm.runMigrations({ transaction: 'each' });
    console.log(`Created ${name}, applied ${applied.map((m) => m.name).join(', ')}`);

    db = new Client({ connectionString: url });
    await db.connect();
    const seedStarted = performance.now();
    const { fixture, messagesMs, vacuumMs } = await seed(db);
    const seedTimes = { totalMs: performance.now() - seedStarted, messagesMs, vacuumMs };
    console.log(
      `Seeded in ${ms(seedTimes.totalMs)} ms (messages ${ms(messagesMs)} ms, VACUUM ANALYZE ${ms(vacuumMs)} ms)`,
    );
    await describeData(db, fixture);

    // As the API runs them: the app role, in a transaction of the fixture's tenant, so the plans
    // carry row-level security's filter.
    const results: Result[] = [];
    await db.query(`BEGIN`);
    await db.query(`SET LOCAL ROLE ${APP_ROLE}`);
    await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [fixture.tenantId]);
    for (const c of await cases(db, orm.manager, fixture)) results.push(await measure(db, c));
    await db.query(`COMMIT`);

    printSummary(results, seedTimes, performance.now() - started);
    return results.some((r) => r.problem) ? 1 : 0;
  } finally {
    await drop();
  }
}

function printSummary(results: Result[], seed: SeedTimes, totalMs: number) {
  const header = ['query', 'messages read by', 'index', 'rows', 'exec ms', 'median ms', 'p95 ms'];
  const body = results.map((r) => [
    r.name,
    r.access,
    r.problem ? `NOT USED: ${r.problem}` : 'ok',
    String(r.rows),
    ms(r.executionMs),
    ms(r.medianMs),
    ms(r.p95Ms),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i >= 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join(' | ');
  console.log(
    `\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${body.map(line).join('\n')}`,
  );
  console.log(
    `\nSeed ${ms(seed.totalMs)} ms (messages ${ms(seed.messagesMs)} ms, VACUUM ANALYZE ${ms(seed.vacuumMs)} ms); ` +
      `whole run ${ms(totalMs)} ms. Timings: ${TIMED_RUNS} runs after ${WARMUP_RUNS} warm-up, round trip through pg; ` +
      `"exec ms" is EXPLAIN ANALYZE's server-side Execution Time.`,
  );
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
