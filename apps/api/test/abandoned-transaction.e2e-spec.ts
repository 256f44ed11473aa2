import type { MessageView } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startApp, type TestApp } from './app';
import { as, createGroup, freshTenant, SEND_FREELY, storedMessages } from './messaging';
import { TcpProxy } from './tcp-proxy';
import { waitFor } from './wait-for';

// docs/scaling.md, "Faults": "an abandoned transaction releases its locks after 10 s
// (`idle_in_transaction_session_timeout`)". Abandoned for real: an instance's network to
// PostgreSQL is cut while its send holds the conversation's row lock, so PostgreSQL never hears
// that the client is gone; another instance's sends to that conversation must go through after.
describe('an abandoned transaction', () => {
  let proxy: TcpProxy;
  let cut: TestApp;
  let t: TestApp;
  let direct: Client;

  beforeAll(async () => {
    const database = new URL(process.env.DATABASE_URL!);
    proxy = await TcpProxy.start({ host: database.hostname, port: Number(database.port || 5432) });
    const viaProxy = new URL(database);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    cut = await startApp({ DATABASE_URL: viaProxy.toString(), ...SEND_FREELY });
    t = await startApp(SEND_FREELY);
    direct = new Client({ connectionString: database.toString() });
    await direct.connect();
  });
  afterAll(async () => {
    proxy?.restore();
    await cut?.close();
    await t?.close();
    await proxy?.close();
    await direct?.end();
  });

  /** The state of a backend of this run's database (undefined once it is gone). */
  const backend = async (pid: number) =>
    (await direct.query(`SELECT state FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0] as
      { state: string } | undefined;

  it("releases the conversation's row lock after 10 s, and the next send goes through", async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const group = await createGroup(t, alice!, [bob!]);

    // Alice's send, on the instance about to be cut off, is made to wait for the row lock, so the
    // cut lands while its transaction is open: the test holds the lock for a moment.
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT id FROM conversations WHERE id = $1 FOR UPDATE`, [group.id]);
    const abandoned = as(cut, alice!)
      .post(`/api/conversations/${group.id}/messages`)
      .send({ clientMessageId: randomUUID(), body: 'jamais arrivé' })
      .then((res) => res);
    let pid = 0;
    await waitFor(
      async () => {
        const { rows } = await direct.query(
          `SELECT pid FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'
             AND query LIKE '%SET last_seq = last_seq + 1%'`,
        );
        pid = rows[0]?.pid ?? 0;
        return rows.length === 1;
      },
      20_000,
      "Alice's send waiting for the lock",
    );
    proxy.blackhole();
    await holder.query('COMMIT');
    await holder.end();
    // Its statement ran and took the lock; the answer went nowhere: idle in its transaction.
    await waitFor(async () => (await backend(pid))?.state === 'idle in transaction');
    const abandonedAt = Date.now();

    // Alice's instance answers 503 after DATABASE_QUERY_TIMEOUT, and drops its end of the line.
    const answer = await abandoned;
    expect([answer.status, answer.body.message]).toEqual([
      503,
      'The database is unavailable; try again in a moment',
    ]);

    // Bob, on an instance that reaches PostgreSQL, retries with one clientMessageId, as clients do.
    const clientMessageId = randomUUID();
    const sendAsBob = () =>
      as(t, bob!)
        .post(`/api/conversations/${group.id}/messages`)
        .send({ clientMessageId, body: 'après la coupure' });
    // While the abandoned transaction holds the lock, his send cannot go through.
    expect((await sendAsBob()).status).toBe(503);
    expect(await backend(pid)).toEqual({ state: 'idle in transaction' });
    let sent: MessageView | undefined;
    await waitFor(
      async () => {
        // Each refused attempt takes the server's database timeout: the retries pace themselves.
        const res = await sendAsBob();
        if (res.status === 201) sent = res.body as MessageView;
        return !!sent;
      },
      30_000,
      "Bob's send to go through",
    );
    console.log(
      `abandoned transaction: lock released, send stored ${Date.now() - abandonedAt} ms after the cut`,
    );

    // PostgreSQL ended the abandoned session and rolled it back: Alice's message does not exist,
    // and Bob's took seq 1 (no gap where hers was).
    expect(await backend(pid)).toBeUndefined();
    expect(sent).toMatchObject({ body: 'après la coupure', seq: 1, senderId: bob!.id });
    expect(
      (await storedMessages(t, group.id)).map((m) => [m.seq, m.body, m.client_message_id]),
    ).toEqual([[1, 'après la coupure', clientMessageId]]);
  }, 60_000);
});
