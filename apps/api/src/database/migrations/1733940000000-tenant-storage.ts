import type { MigrationInterface, QueryRunner } from 'typeorm';
import { wallTenantTable } from './1733000000000-tenant-wall';

/**
 * What each tenant's attachments take, against FILES_TENANT_QUOTA. Uploads reserve their size
 * with a conditional upsert of this row (race-safe: concurrent uploads queue on its lock); every
 * deletion of an attachment, whatever its path (a message deleted, an unsent upload purged, a
 * conversation or user gone), gives it back through the trigger.
 */
export class TenantStorage1733940000000 implements MigrationInterface {
  name = 'TenantStorage1733940000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tenant_storage (
        tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
        used_bytes bigint NOT NULL DEFAULT 0
      )`);
    // Existing files count from the start. The owner is held by the attachments' wall too (FORCE):
    // it is lifted for this transaction only, so that a non-superuser owner counts every tenant's.
    await db.query(`ALTER TABLE message_attachments NO FORCE ROW LEVEL SECURITY`);
    await db.query(`
      INSERT INTO tenant_storage (tenant_id, used_bytes)
      SELECT tenant_id, sum(size) FROM message_attachments GROUP BY tenant_id`);
    await db.query(`ALTER TABLE message_attachments FORCE ROW LEVEL SECURITY`);
    await wallTenantTable(db, 'tenant_storage');
    await db.query(`
      CREATE FUNCTION message_attachments_release() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tenant_storage SET used_bytes = greatest(0, used_bytes - OLD.size)
        WHERE tenant_id = OLD.tenant_id;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER message_attachments_release AFTER DELETE ON message_attachments
      FOR EACH ROW EXECUTE FUNCTION message_attachments_release()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER message_attachments_release ON message_attachments`);
    await db.query(`DROP FUNCTION message_attachments_release()`);
    await db.query(`DROP TABLE tenant_storage`);
  }
}
