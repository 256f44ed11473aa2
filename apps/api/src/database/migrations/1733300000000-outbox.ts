import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: the queue jobs a change causes, written in the change's own transaction
 * and relayed to BullMQ afterwards (outbox/outbox-relay.ts, which polls it: a NOTIFY at commit would
 * take PostgreSQL's global notify lock and serialise every send's commit). A message accepted while Redis is down
 * still produces its jobs once Redis is back; a rolled-back change produces none.
 *
 * Not behind the tenant wall: the relay reads every tenant's rows, and nothing reads them through
 * the API. Each row still names its tenant, and the jobs carry it.
 */
export class Outbox1733300000000 implements MigrationInterface {
  name = 'Outbox1733300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        queue text NOT NULL,
        name text NOT NULL,
        -- Deterministic: relaying a row twice (a relay that died before deleting it) makes one job.
        job_id text NOT NULL,
        data jsonb NOT NULL,
        -- A delayed job (a reminder, an email held until quiet hours end): due then, not before.
        run_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`GRANT USAGE, SELECT ON SEQUENCE outbox_id_seq TO mindsp_app`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox`);
  }
}
