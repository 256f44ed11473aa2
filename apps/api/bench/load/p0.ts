import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { appRoleConfig, type BenchGroup, type BenchUser } from './database';
import { newClientMessageId, now, BODY } from './sockets';
import { summarize, type Summary } from './stats';
import type { TrafficOptions } from './traffic';

export interface P0Result {
  rate: number;
  seconds: number;
  sent: number;
  committed: number;
  errors: Record<string, number>;
  /** Scheduled time → COMMIT answered. */
  commit: Summary;
  persistedPerSecond: number;
}

/** The product's pool size (data-source.ts `extra.max`): P0 gets the same concurrency. */
export const PRODUCT_POOL_SIZE = 20;

/**
 * P0: the product's own send transaction in raw `pg`, as the app role under row-level security,
 * one message per transaction, open loop at `rate` over the same kind of groups: the seq bump
 * (row lock), the sender's read watermark, the insert into the same messages table and indexes.
 * What it leaves out is what the product adds around it (retry lookup, rate limiter, validation,
 * Nest, Socket.IO): the gap between the two is the product's own cost.
 */
export async function runP0(
  url: string,
  tenantId: string,
  users: BenchUser[],
  groups: BenchGroup[],
  options: TrafficOptions,
): Promise<P0Result> {
  const pool = await warmPool(url);
  const errors: Record<string, number> = {};
  const samples: number[] = [];
  let committed = 0;
  const warmup = Math.round(options.rate * options.warmupSeconds);
  const total = warmup + Math.round(options.rate * options.seconds);
  const inFlight = new Set<Promise<void>>();

  const send = async (i: number, scheduledAt: number) => {
    const group = groups[i % groups.length]!;
    const sender = users[group.members[Math.floor(i / groups.length) % group.members.length]!]!;
    const db = await pool.connect();
    try {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const { rows } = await db.query(
        `UPDATE conversations SET last_seq = last_seq + 1, updated_at = now()
         WHERE id = $1 AND tenant_id = $2 RETURNING last_seq`,
        [group.id, tenantId],
      );
      const seq = Number(rows[0].last_seq);
      await db.query(
        `UPDATE conversation_members SET last_read_seq = GREATEST(last_read_seq, $3)
         WHERE conversation_id = $1 AND user_id = $2`,
        [group.id, sender.id, seq],
      );
      await db.query(
        `INSERT INTO messages (conversation_id, seq, sender_id, client_message_id, body)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (sender_id, client_message_id) DO NOTHING
         RETURNING id, conversation_id, seq, sender_id, client_message_id, body, created_at, edited_at, deleted_at`,
        [group.id, seq, sender.id, newClientMessageId(), BODY],
      );
      await db.query('COMMIT');
      if (i >= warmup) {
        committed++;
        samples.push(now() - scheduledAt);
      }
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code ?? 'error';
      errors[code] = (errors[code] ?? 0) + 1;
    } finally {
      db.release();
    }
  };

  const start = now() + 20;
  let next = 0;
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((now() - start) * options.rate) / 1000) + 1);
      while (next < due) {
        const i = next++;
        const work = send(i, start + (i * 1000) / options.rate);
        inFlight.add(work);
        void work.finally(() => inFlight.delete(work));
      }
      if (next >= total) {
        clearInterval(timer);
        done();
      }
    }, 1);
  });
  const ended = now();
  while (inFlight.size && now() - ended < options.drainMs) await sleep(20);
  return {
    rate: options.rate,
    seconds: options.seconds,
    sent: total - warmup,
    committed,
    errors,
    commit: summarize(samples),
    persistedPerSecond: committed / options.seconds,
  };
}

let shared: Pool | null = null;

/**
 * One pool for every step, its connections opened before the first: as the product's pool is by
 * the time it serves traffic (connection set-up is not the send path's cost).
 */
async function warmPool(url: string): Promise<Pool> {
  if (shared) return shared;
  shared = new Pool({ ...appRoleConfig(url), max: PRODUCT_POOL_SIZE });
  const clients = await Promise.all(
    Array.from({ length: PRODUCT_POOL_SIZE }, () => shared!.connect()),
  );
  for (const client of clients) client.release();
  return shared;
}

export async function closeP0() {
  await shared?.end();
  shared = null;
}
