import { randomUUID } from 'node:crypto';
import { Client, type ClientConfig } from 'pg';
import * as argon2 from 'argon2';
import { APP_ROLE } from '../../src/database/migrations/1733000000000-tenant-wall';
import { newSessionId, signAccessToken } from './tokens';

/** The server the bench creates its database on: DATABASE_URL's, with the database name swapped. */
export function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@localhost:5432/mindsp');
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient<T>(
  config: ClientConfig,
  work: (db: Client) => Promise<T>,
): Promise<T> {
  const db = new Client(config);
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

export const adminQuery = (sql: string) =>
  withClient({ connectionString: serverUrl('postgres') }, (db) => db.query(sql));

/** As the API connects: the app role, which row-level security holds to one tenant. */
export const appRoleConfig = (url: string): ClientConfig => ({
  connectionString: url,
  options: `-c role=${APP_ROLE}`,
});

export interface BenchUser {
  id: string;
  token: string;
}

export interface BenchGroup {
  id: string;
  /** Indexes into the user list. */
  members: number[];
}

export interface Seeded {
  tenantId: string;
  users: BenchUser[];
}

/**
 * One tenant of `count` users, inserted in SQL with one password hash for all ("bench-password",
 * so a person can sign in and look around), each with a live session and a signed access token.
 */
export async function seedUsers(
  db: Client,
  count: number,
  jwt: { secret: string; ttlSeconds: number },
): Promise<Seeded> {
  const hash = await argon2.hash('bench-password', { type: argon2.argon2id });
  const {
    rows: [tenant],
  } = await db.query(
    `INSERT INTO tenants (slug, name) VALUES ('bench', 'SDIS Banc d''essai') RETURNING id`,
  );
  const { rows } = await db.query(
    `INSERT INTO users (tenant_id, email, display_name, password_hash, role)
     SELECT $1, 'agent' || lpad(no::text, 5, '0') || '@bench.test', 'Agent ' || no, $2,
            CASE WHEN no = 1 THEN 'admin' ELSE 'member' END
     FROM generate_series(1, $3::int) AS no
     RETURNING id, role, email`,
    [tenant.id, hash, count],
  );
  rows.sort((a, b) => (a.email < b.email ? -1 : 1));
  const sessions = rows.map(() => newSessionId());
  // A session per user, as a sign-in leaves one: the token's sid names a real refresh-token family.
  await db.query(
    `INSERT INTO refresh_tokens (user_id, family_id, secret_hash, expires_at)
     SELECT u, f, 'bench: never presented', now() + interval '1 day'
     FROM unnest($1::uuid[], $2::uuid[]) AS t(u, f)`,
    [rows.map((r) => r.id), sessions],
  );
  const users = rows.map((r, i) => ({
    id: r.id as string,
    token: signAccessToken(
      { sub: r.id, tid: tenant.id, role: r.role, sid: sessions[i]! },
      jwt.secret,
      jwt.ttlSeconds,
    ),
  }));
  return { tenantId: tenant.id, users };
}

/**
 * Group conversations straight in SQL (no API call, so no member cap applies): `size` members
 * each, over users [from, from + count). The last group takes the remainder.
 */
export async function seedGroups(
  db: Client,
  seeded: Seeded,
  spec: { label: string; from: number; count: number; size: number },
): Promise<BenchGroup[]> {
  const groups: BenchGroup[] = [];
  for (let start = spec.from; start < spec.from + spec.count; start += spec.size) {
    const end = Math.min(start + spec.size, spec.from + spec.count);
    groups.push({
      id: randomUUID(),
      members: Array.from({ length: end - start }, (_, i) => start + i),
    });
  }
  await db.query(
    `INSERT INTO conversations (id, tenant_id, kind, title, created_by)
     SELECT id, $2, 'group', $3 || ' ' || ord, $4
     FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`,
    [groups.map((g) => g.id), seeded.tenantId, spec.label, seeded.users[spec.from]!.id],
  );
  const pairs = groups.flatMap((g) => g.members.map((m) => [g.id, seeded.users[m]!.id]));
  await db.query(
    `INSERT INTO conversation_members (conversation_id, user_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return groups;
}

/** The conversations' stored messages: seq and clientMessageId, for the storm's final check. */
export async function storedMessages(
  url: string,
  tenantId: string,
  conversationIds: string[],
): Promise<{ conversationId: string; seq: number; clientMessageId: string }[]> {
  return withClient(appRoleConfig(url), async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await db.query(
      `SELECT conversation_id, seq, client_message_id FROM messages
       WHERE conversation_id = ANY($1::uuid[]) ORDER BY conversation_id, seq`,
      [conversationIds],
    );
    await db.query('COMMIT');
    return rows.map((r) => ({
      conversationId: r.conversation_id,
      seq: Number(r.seq),
      clientMessageId: r.client_message_id,
    }));
  });
}

/** Each conversation's last seq: what a member holds once caught up. */
export async function lastSeqs(
  url: string,
  tenantId: string,
  conversationIds: string[],
): Promise<Record<string, number>> {
  return withClient(appRoleConfig(url), async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await db.query(
      `SELECT id, last_seq FROM conversations WHERE id = ANY($1::uuid[])`,
      [conversationIds],
    );
    await db.query('COMMIT');
    return Object.fromEntries(rows.map((r) => [r.id as string, Number(r.last_seq)]));
  });
}
