import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { TENANT_TABLES } from '../src/database/migrations/1733000000000-tenant-wall';
import { NOTIFICATION_TABLES } from '../src/database/migrations/1733400000000-notifications';
import { REACTION_TABLES } from '../src/database/migrations/1733600000000-reactions-pins-notes';
import { TenantDatabase } from '../src/database/tenant-database';

/** Every walled table: the wall migration's, and those of the migrations after it. */
const WALLED_TABLES = [
  ...TENANT_TABLES,
  'conversation_former_members',
  ...NOTIFICATION_TABLES,
  'reminders',
  'alerts',
  'alert_recipients',
  'message_attachments',
  'tenant_storage',
  ...REACTION_TABLES,
  'conversation_drafts',
];

/**
 * The second wall: PostgreSQL row-level security, on its own. Queries here carry no tenant
 * filter at all, as a forgotten WHERE would; the database still keeps each tenant to its rows.
 */
describe('row-level security between tenants', () => {
  let owner: DataSource;
  let app: DataSource;
  let tenantDb: TenantDatabase;
  const tenant: Record<'demo' | 'other', string> = { demo: '', other: '' };
  const conversation: Record<'demo' | 'other', string> = { demo: '', other: '' };

  beforeAll(async () => {
    owner = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
    app = await new DataSource(
      dataSourceOptions(process.env.DATABASE_URL!, { asApp: true }),
    ).initialize();
    tenantDb = new TenantDatabase(app);
    for (const slug of ['demo', 'other'] as const) {
      const [{ id }] = await owner.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]);
      tenant[slug] = id;
      const [user] = await owner.query(`SELECT id FROM users WHERE tenant_id = $1 LIMIT 1`, [id]);
      const [created] = await owner.query(
        `INSERT INTO conversations (tenant_id, kind, title, created_by, last_seq)
         VALUES ($1, 'group', 'Mur', $2, 1) RETURNING id`,
        [id, user.id],
      );
      conversation[slug] = created.id;
      await owner.query(
        `INSERT INTO conversation_members (conversation_id, user_id) VALUES ($1, $2)`,
        [created.id, user.id],
      );
      await owner.query(
        `INSERT INTO messages (conversation_id, seq, sender_id, client_message_id, body)
         VALUES ($1, 1, $2, $3, 'secret of ' || $4)`,
        [created.id, user.id, `wall-${slug}-${Date.now()}`, slug],
      );
      await owner.query(
        `INSERT INTO conversation_drafts (tenant_id, conversation_id, user_id, body)
         VALUES ($1, $2, $3, 'unsent secret')`,
        [id, created.id, user.id],
      );
      await owner.query(
        `INSERT INTO conversation_former_members
           (conversation_id, user_id, joined_after_seq, left_at_seq, last_read_seq)
         VALUES ($1, $2, 0, 1, 1)`,
        [created.id, user.id],
      );
      await owner.query(
        `INSERT INTO notifications (tenant_id, user_id, type, key, title, body)
         VALUES ($1, $2, 'system', $3, 'Mur', 'secret')`,
        [id, user.id, `wall-${Date.now()}`],
      );
      await owner.query(
        `INSERT INTO notification_settings (tenant_id, user_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING`,
        [id, user.id],
      );
      await owner.query(
        `INSERT INTO notification_emails (tenant_id, user_id, type, key, title, body)
         VALUES ($1, $2, 'system', $3, 'Mur', 'secret')`,
        [id, user.id, `wall-${Date.now()}`],
      );
      await owner.query(
        `INSERT INTO reminders (tenant_id, created_by, type, title, body, remind_at, user_ids)
         VALUES ($1, $2, 'reminder', 'Mur', 'secret', now() + interval '1 day', ARRAY[$2]::uuid[])`,
        [id, user.id],
      );
      await owner.query(
        `INSERT INTO message_reactions (message_id, conversation_id, tenant_id, user_id, emoji)
         SELECT id, conversation_id, $2, sender_id, '👍' FROM messages WHERE conversation_id = $1`,
        [created.id, id],
      );
      const [alert] = await owner.query(
        `INSERT INTO alerts (tenant_id, sender_id, title, body) VALUES ($1, $2, 'Mur', 'secret')
         RETURNING id`,
        [id, user.id],
      );
      await owner.query(
        `INSERT INTO alert_recipients (alert_id, tenant_id, user_id) VALUES ($1, $2, $3)`,
        [alert.id, id, user.id],
      );
      await owner.query(
        `INSERT INTO message_attachments
           (conversation_id, uploader_id, name, content_type, size, storage_key)
         VALUES ($1, $2, 'secret.txt', 'text/plain', 6, $3)`,
        [created.id, user.id, `wall/${created.id}`],
      );
      await owner.query(
        `INSERT INTO tenant_storage (tenant_id, used_bytes) VALUES ($1, 6)
         ON CONFLICT (tenant_id) DO UPDATE SET used_bytes = tenant_storage.used_bytes + 6`,
        [id],
      );
    }
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
  });

  it('runs the app as a role that is neither superuser nor allowed to bypass row security', async () => {
    const [role] = await app.query(
      `SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ name: 'mindsp_app', rolsuper: false, rolbypassrls: false });
  });

  it.each(WALLED_TABLES)(
    '%s: an unfiltered SELECT returns only the current tenant rows',
    async (table) => {
      const tenants: { tenant_id: string }[] = await tenantDb.transaction(tenant.demo, (tx) =>
        tx.query(`SELECT DISTINCT tenant_id FROM ${table}`),
      );
      expect(tenants.map((row) => row.tenant_id)).toEqual([tenant.demo]);
      const all: { count: number }[] = await owner.query(
        `SELECT count(DISTINCT tenant_id)::int AS count FROM ${table}`,
      );
      expect(all[0]!.count).toBeGreaterThanOrEqual(2);
    },
  );

  it('shows no tenant-owned rows at all when no tenant is set', async () => {
    for (const table of WALLED_TABLES) {
      const rows: { count: number }[] = await app.query(
        `SELECT count(*)::int AS count FROM ${table}`,
      );
      expect({ table, count: rows[0]!.count }).toEqual({ table, count: 0 });
    }
  });

  it("does not find another tenant's message even by its conversation id", async () => {
    const rows = await tenantDb.transaction(tenant.demo, (tx) =>
      tx.query(`SELECT body FROM messages WHERE conversation_id = $1`, [conversation.other]),
    );
    expect(rows).toEqual([]);
  });

  it("refuses to write into another tenant's conversation, and changes nothing there", async () => {
    const [user] = await owner.query(`SELECT id FROM users WHERE tenant_id = $1 LIMIT 1`, [
      tenant.demo,
    ]);
    await expect(
      tenantDb.transaction(tenant.demo, (tx) =>
        tx.query(
          `INSERT INTO messages (conversation_id, seq, sender_id, client_message_id, body)
           VALUES ($1, 2, $2, 'wall-intruder-1', 'intrusion')`,
          [conversation.other, user.id],
        ),
      ),
    ).rejects.toThrow();
    const updated = await tenantDb.transaction(tenant.demo, (tx) =>
      tx.query(`UPDATE messages SET body = 'overwritten' WHERE conversation_id = $1`, [
        conversation.other,
      ]),
    );
    expect(updated[1]).toBe(0);
    await expect(
      tenantDb.transaction(tenant.demo, (tx) =>
        tx.query(`UPDATE users SET tenant_id = $1 WHERE tenant_id = $2`, [
          tenant.other,
          tenant.demo,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    const bodies = await owner.query(`SELECT body FROM messages WHERE conversation_id = $1`, [
      conversation.other,
    ]);
    expect(bodies).toEqual([{ body: 'secret of other' }]);
  });

  it('does not carry a tenant from one transaction into the next on the same pool', async () => {
    await tenantDb.transaction(tenant.demo, (tx) => tx.query(`SELECT 1`));
    const rows: { count: number }[] = await app.query(`SELECT count(*)::int AS count FROM users`);
    expect(rows[0]!.count).toBe(0);
  });
});
