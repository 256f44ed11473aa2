import type { ConversationView, LoginResponse, MessagePage, MessageView } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { REDIS } from '../src/redis/redis.module';
import { login, startApp, type TestApp } from './app';
import { closeSockets, connectSocket, type TestSocket } from './sockets';

/** What REST helpers need: an in-process app, or `request(url)` of a spawned instance or front. */
export type Http = Pick<TestApp, 'http'>;

/** A signed-in demo user. */
export interface Person {
  id: string;
  tenantId: string;
  name: string;
  token: string;
}

function person(session: LoginResponse): Person {
  return {
    id: session.user.id,
    tenantId: session.user.tenantId,
    name: session.user.displayName,
    token: session.accessToken,
  };
}

/** alice (admin), bob, carol of tenant demo; dave (admin) of tenant other. */
export async function signIn(t: Http) {
  const [alice, bob, carol, dave] = await Promise.all([
    login(t.http, 'demo', 'alice@demo.test'),
    login(t.http, 'demo', 'bob@demo.test'),
    login(t.http, 'demo', 'carol@demo.test'),
    login(t.http, 'other', 'dave@other.test'),
  ]);
  return { alice: person(alice), bob: person(bob), carol: person(carol), dave: person(dave) };
}

export type DemoPeople = Awaited<ReturnType<typeof signIn>>;

/** Sending freely: for suites that send more than the per-user limit allows. */
export const SEND_FREELY = {
  MESSAGE_RATE_LIMIT: '100000',
  SOCKET_EVENT_LIMIT: '100000',
  SOCKET_USER_EVENT_LIMIT: '100000',
};

/**
 * Bursts of hundreds of sends to one conversation queue on its row lock, for seconds on a loaded
 * machine: a wait, not a lost database, so these suites give PostgreSQL time (the fault tests keep
 * the short timeouts that answer `unavailable`).
 */
export const SEND_IN_BURSTS = {
  ...SEND_FREELY,
  DATABASE_CONNECT_TIMEOUT: '30s',
  DATABASE_QUERY_TIMEOUT: '30s',
};

/**
 * One app for a describe block, with the demo people signed in (handed over by `ready`), and the
 * sockets of each test closed after it.
 */
export function demoSuite(
  env: Record<string, string>,
  ready: (suite: DemoPeople & { t: TestApp }) => void,
) {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp(env);
    ready({ t: app, ...(await signIn(app)) });
  });
  afterEach(() => closeSockets());
  afterAll(() => app.close());
}

/**
 * A tenant of its own with the given people (the first is its admin), signed in. Tests that need
 * people nobody else touches use it: the demo tenants' user lists stay as other suites expect them.
 */
export function freshTenant(
  t: Pick<TestApp, 'db' | 'http'>,
  ...names: string[]
): Promise<Person[]> {
  return tenantNamed(t, `t-${randomUUID().slice(0, 8)}`, ...names);
}

/** As freshTenant, with the slug given (people's emails are `firstname@slug.test`). */
export async function tenantNamed(
  t: Pick<TestApp, 'db' | 'http'>,
  slug: string,
  ...names: string[]
): Promise<Person[]> {
  const [tenant] = await t.db.query(
    `INSERT INTO tenants (slug, name) VALUES ($1, $1) RETURNING id`,
    [slug],
  );
  for (const [i, name] of names.entries()) {
    // The demo password's hash, reused: hashing is slow on purpose.
    await t.db.query(
      `INSERT INTO users (tenant_id, email, display_name, password_hash, role)
       SELECT $1, $2, $3, password_hash, $4 FROM users WHERE email = 'alice@demo.test'`,
      [
        tenant.id,
        `${name.split(' ')[0]!.toLowerCase()}@${slug}.test`,
        name,
        i === 0 ? 'admin' : 'member',
      ],
    );
  }
  const sessions = await Promise.all(
    names.map((name) => login(t.http, slug, `${name.split(' ')[0]!.toLowerCase()}@${slug}.test`)),
  );
  return sessions.map(person);
}

/** REST calls as `who`. */
export function as(t: Http, who: Person) {
  const auth = <T extends { auth(token: string, options: { type: 'bearer' }): T }>(test: T) =>
    test.auth(who.token, { type: 'bearer' });
  return {
    get: (url: string) => auth(t.http.get(url)),
    post: (url: string) => auth(t.http.post(url)),
    patch: (url: string) => auth(t.http.patch(url)),
    put: (url: string) => auth(t.http.put(url)),
    delete: (url: string) => auth(t.http.delete(url)),
  };
}

export async function createGroup(
  t: Http,
  creator: Person,
  members: Person[],
  title = `Group ${randomUUID().slice(0, 8)}`,
) {
  const res = await as(t, creator)
    .post('/api/conversations')
    .send({ kind: 'group', title, memberIds: members.map((m) => m.id) })
    .expect(201);
  return res.body as ConversationView;
}

export async function send(
  t: Http,
  sender: Person,
  conversationId: string,
  body: string,
  clientMessageId: string = randomUUID(),
) {
  const res = await as(t, sender)
    .post(`/api/conversations/${conversationId}/messages`)
    .send({ body, clientMessageId })
    .expect(201);
  return res.body as MessageView;
}

export async function history(
  t: Http,
  who: Person,
  conversationId: string,
  query: Record<string, number> = {},
) {
  const res = await as(t, who)
    .get(`/api/conversations/${conversationId}/messages`)
    .query(query)
    .expect(200);
  return res.body as MessagePage;
}

export async function conversationOf(t: Http, who: Person, conversationId: string) {
  return (await as(t, who).get(`/api/conversations/${conversationId}`).expect(200))
    .body as ConversationView;
}

/** Rows of a conversation straight from the database: what was really stored. */
export async function storedMessages(t: Pick<TestApp, 'db'>, conversationId: string) {
  const rows: {
    id: string;
    seq: string;
    body: string;
    sender_id: string;
    client_message_id: string;
  }[] = await t.db.query(
    `SELECT id, seq, body, sender_id, client_message_id FROM messages WHERE conversation_id = $1 ORDER BY seq`,
    [conversationId],
  );
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

export async function lastSeqOf(t: TestApp, conversationId: string) {
  const [row] = await t.db.query(`SELECT last_seq FROM conversations WHERE id = $1`, [
    conversationId,
  ]);
  return Number(row.last_seq);
}

export function socketOf(t: TestApp, who: Person): Promise<TestSocket> {
  return connectSocket(t.url, who.token);
}

/** Forgets the send rate-limit counters of these users (they live in Redis and outlast an app). */
export async function resetSendLimits(t: TestApp, ...people: Person[]) {
  await t.app.get<Redis>(REDIS).del(...people.map((p) => `send:${p.id}`));
}

export const A_UUID = '00000000-0000-4000-8000-000000000000';
