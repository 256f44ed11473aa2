import { normalizeReactionEmoji } from '@mindsp/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reaction is now exactly one emoji in one spelling (`normalizeReactionEmoji`). Rows stored
 * before are brought to it: `👍️` (the picker's redundant U+FE0F) becomes `👍`, merged with the
 * same person's `👍` when both exist; text or tag characters beside an emoji (`👍2026`) are
 * taken back. The wall is lifted for this transaction only: the owner is held by it too (FORCE).
 */
export class ReactionSpelling1734000000000 implements MigrationInterface {
  name = 'ReactionSpelling1734000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE message_reactions NO FORCE ROW LEVEL SECURITY`);
    const spellings: { emoji: string }[] = await db.query(
      `SELECT DISTINCT emoji FROM message_reactions`,
    );
    for (const { emoji } of spellings) {
      const normal = normalizeReactionEmoji(emoji);
      if (normal === emoji) continue;
      if (normal !== null) {
        await db.query(
          `INSERT INTO message_reactions (message_id, conversation_id, tenant_id, user_id, emoji, created_at)
           SELECT message_id, conversation_id, tenant_id, user_id, $2, created_at
           FROM message_reactions WHERE emoji = $1
           ON CONFLICT (message_id, emoji, user_id) DO NOTHING`,
          [emoji, normal],
        );
      }
      await db.query(`DELETE FROM message_reactions WHERE emoji = $1`, [emoji]);
    }
    await db.query(`ALTER TABLE message_reactions FORCE ROW LEVEL SECURITY`);
  }

  async down(): Promise<void> {
    // Spellings merged or taken back cannot be told apart again; nothing to undo.
  }
}
