import type { ConversationView, MessageView, Page } from '@mindsp/contracts';
import { Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { APP_ROLE } from '../src/database/migrations/1733000000000-tenant-wall';
import { QUEUES, queueConnection } from '../src/queues/queue-connection';
import { startApiProcess } from './api-process';
import { startApp, type TestApp } from './app';
import {
  as,
  createGroup,
  freshTenant,
  history,
  send,
  SEND_FREELY,
  storedMessages,
  type Person,
} from './messaging';
import { startPgBouncer, type PgBouncer } from './pgbouncer';
import { closeSockets, connectSocket } from './sockets';
import { waitFor } from './wait-for';
import { startWorker, stopWorker, type WorkerProcess } from './worker-process';

/**
 * The API and the worker unchanged behind Debian's PgBouncer in transaction mode, with the
 * repository's settings (docker/pgbouncer/pgbouncer.ini) and ONE server connection: every
 * transaction of every request, tenant after tenant, runs on the same PostgreSQL backend.
 */
describe('the product through PgBouncer in transaction mode', () => {
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  // A login role of the app role, as docs/scaling.md has a deployment make (its own, dropped at
  // the end: the PostgreSQL server is shared).
  const login = `mindsp_app_pgb_${randomUUID().slice(0, 8)}`;
  const users = { [login]: randomUUID(), postgres: randomUUID() };
  let bouncer: PgBouncer;
  let t: TestApp;
  let owner: DataSource;
  let worker: WorkerProcess | undefined;
  /** REST through the app, setup rows as the tables' owner (the app's own pool is the app role). */
  let setup: Pick<TestApp, 'http' | 'db'>;

  beforeAll(async () => {
    owner = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
    await owner.query(`CREATE ROLE ${login} LOGIN IN ROLE ${APP_ROLE}`);
    await owner.query(`ALTER ROLE ${login} SET idle_in_transaction_session_timeout = '10s'`);
    bouncer = await startPgBouncer(users, { default_pool_size: 1, reserve_pool_size: 0 });
    t = await startApp({
      ...SEND_FREELY,
      DATABASE_URL: bouncer.url(login, database),
      DATABASE_TRANSACTION_POOLING: 'true',
    });
    setup = { http: t.http, db: owner };
  }, 60_000);
  afterEach(() => closeSockets());
  afterAll(async () => {
    await stopWorker(worker);
    await t?.close();
    await bouncer?.stop();
    // The role is the run's own on a shared server: dropped even when the start failed.
    await owner?.query(`DROP ROLE IF EXISTS ${login}`);
    await owner?.destroy();
  }, 60_000);

  it('refuses to boot through the pooler as a user that bypasses row-level security', async () => {
    await expect(
      startApiProcess({
        DATABASE_URL: bouncer.url('postgres', database),
        DATABASE_TRANSACTION_POOLING: 'true',
      }),
    ).rejects.toThrow(/user "postgres" bypasses row-level security; it must be the app role/);
  });

  it('keeps tenants apart on one server connection: transactions of two tenants interleaved never see each other’s rows', async () => {
    const [anne, alain] = (await freshTenant(setup, 'Anne Aubert', 'Alain Aubert')) as Person[];
    const [berthe, bruno] = (await freshTenant(setup, 'Berthe Blanc', 'Bruno Blanc')) as Person[];
    const groupA = await createGroup(t, anne!, [alain!]);
    const groupB = await createGroup(t, berthe!, [bruno!]);
    await send(t, anne!, groupA.id, 'chez A');
    await send(t, berthe!, groupB.id, 'chez B');

    // Two clients of the pool, as two requests: transaction after transaction, A then B, on the
    // one backend. Each sees its own tenant only, and nothing once its transaction is over.
    const clients = [anne!, berthe!].map(
      () => new Client({ connectionString: bouncer.url(login, database) }),
    );
    await Promise.all(clients.map((c) => c.connect()));
    const backends = new Set<number>();
    for (let round = 0; round < 5; round++) {
      for (const [i, who] of [anne!, berthe!].entries()) {
        const client = clients[i]!;
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [who.tenantId]);
        const { rows } = await client.query<{ pid: number; tenants: string[] | null }>(
          `SELECT pg_backend_pid() AS pid,
                  (SELECT array_agg(DISTINCT tenant_id::text) FROM messages) AS tenants`,
        );
        await client.query('COMMIT');
        backends.add(rows[0]!.pid);
        expect(rows[0]!.tenants).toEqual([who.tenantId]);
        const after = await client.query(`SELECT count(*)::int AS n FROM messages`);
        expect(after.rows[0].n).toBe(0);
      }
    }
    expect(backends.size).toBe(1);
    const [settings] = (
      await clients[0]!.query(
        `SELECT current_user AS user, current_setting('idle_in_transaction_session_timeout') AS abandoned`,
      )
    ).rows;
    expect(settings).toEqual({ user: login, abandoned: '10s' });
    await Promise.all(clients.map((c) => c.end()));

    // Through the app: both tenants' requests at once, all on that one connection.
    const asked = Array.from({ length: 10 }, (_, i) => (i % 2 ? berthe! : anne!));
    const answers = await Promise.all(
      asked.map(async (who) => ({
        who,
        conversations: (await as(t, who).get('/api/conversations').expect(200))
          .body as Page<ConversationView>,
        messages: (await history(t, who, who === anne ? groupA.id : groupB.id)) as {
          items: MessageView[];
        },
      })),
    );
    for (const { who, conversations, messages } of answers) {
      const own = who === anne ? groupA.id : groupB.id;
      expect(conversations.items.map((c) => c.id)).toEqual([own]);
      expect(messages.items.map((m) => m.body)).toEqual([who === anne ? 'chez A' : 'chez B']);
    }
    // The other tenant's conversation is not found, as one that never existed.
    await as(t, anne!).get(`/api/conversations/${groupB.id}`).expect(404);
    const servers = await bouncer.admin('SHOW SERVERS');
    expect(servers.filter((s) => s.database === database && s.user === login)).toHaveLength(1);
  });

  it('carries messages between sockets and REST, each stored once, a retried send included', async () => {
    const [anne, alain] = (await freshTenant(setup, 'Anne Aubert', 'Alain Aubert')) as Person[];
    const group = await createGroup(t, anne!, [alain!]);
    const [anneSocket, alainSocket] = await Promise.all([
      connectSocket(t.url, anne!.token),
      connectSocket(t.url, alain!.token),
    ]);
    const clientMessageId = randomUUID();
    const payload = { conversationId: group.id, clientMessageId, body: 'par PgBouncer' };
    const sent = await anneSocket.ok('message:send', payload);
    expect(await alainSocket.waitFor('message:new', (m) => m.id === sent.id)).toEqual(sent);
    // The same send again (its ack lost): the same message, not a second one.
    expect(await anneSocket.ok('message:send', payload)).toEqual(sent);
    const reply = await send(t, alain!, group.id, 'bien reçu');
    expect(await anneSocket.waitFor('message:new', (m) => m.id === reply.id)).toEqual(reply);
    expect((await storedMessages({ db: owner }, group.id)).map((m) => [m.seq, m.body])).toEqual([
      [1, 'par PgBouncer'],
      [2, 'bien reçu'],
    ]);
  });

  it('relays the outbox from a worker behind PgBouncer, each entry once', async () => {
    const connection = queueConnection(process.env.REDIS_URL!);
    const queue = new Queue(QUEUES.maintenance, { connection, prefix: 'mindsp' });
    const events = new QueueEvents(QUEUES.maintenance, { connection, prefix: 'mindsp' });
    try {
      await events.waitUntilReady();
      const [tenant] = await owner.query(
        `INSERT INTO tenants (slug, name) VALUES ($1, $1) RETURNING id`,
        [`pgb-${randomUUID().slice(0, 8)}`],
      );
      const ids = Array.from({ length: 10 }, () => `probe-pgbouncer-${randomUUID()}`);
      // Each recorded twice (a relay that died between adding and deleting): still one job.
      for (const id of [...ids, ...ids]) {
        await owner.query(
          `INSERT INTO outbox (tenant_id, queue, name, job_id, data) VALUES ($1, 'maintenance', 'probe', $2, $3)`,
          [tenant.id, id, { tenantId: tenant.id, requestedBy: 'pgbouncer-test' }],
        );
      }
      worker = await startWorker({
        DATABASE_URL: bouncer.url(login, database),
        DATABASE_TRANSACTION_POOLING: 'true',
      });
      const outboxOf = async () =>
        Number(
          (
            await owner.query(`SELECT count(*) AS n FROM outbox WHERE tenant_id = $1`, [tenant.id])
          )[0].n,
        );
      await waitFor(async () => (await outboxOf()) === 0, 30_000, 'outbox relayed');
      for (const id of ids) {
        let job = await queue.getJob(id);
        await waitFor(async () => !!(job = await queue.getJob(id)), 20_000, `job ${id}`);
        await job!.waitUntilFinished(events, 20_000);
      }
      const completed = (await queue.getCompleted(0, 5000)).filter((j) => ids.includes(j.id!));
      expect(completed).toHaveLength(ids.length);
    } finally {
      await Promise.all([queue.close(), events.close()]);
    }
  });
});
