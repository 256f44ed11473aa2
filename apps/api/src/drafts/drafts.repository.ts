import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface DraftKey {
  tenantId: string;
  conversationId: string;
  userId: string;
}

export interface DraftRow {
  body: string;
  updatedAt: Date;
}

/**
 * The SQL of drafts. Each statement checks the membership itself, so a conversation the user is
 * not (or no longer) in, or one of another tenant, reads and writes as not found.
 */
@Injectable()
export class DraftsRepository {
  /** Whether the user is a member of the conversation, in their tenant. */
  async isMember(tx: EntityManager, { tenantId, conversationId, userId }: DraftKey) {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM conversation_members m
       JOIN conversations c ON c.id = m.conversation_id AND c.tenant_id = $1
       WHERE m.conversation_id = $2 AND m.user_id = $3`,
      [tenantId, conversationId, userId],
    );
    return rows.length > 0;
  }

  async find(tx: EntityManager, { conversationId, userId }: DraftKey): Promise<DraftRow | null> {
    const [row]: { body: string; updated_at: Date }[] = await tx.query(
      `SELECT body, updated_at FROM conversation_drafts WHERE conversation_id = $1 AND user_id = $2`,
      [conversationId, userId],
    );
    return row ? { body: row.body, updatedAt: row.updated_at } : null;
  }

  async save(tx: EntityManager, key: DraftKey, body: string): Promise<DraftRow> {
    const [row]: { body: string; updated_at: Date }[] = await tx.query(
      `INSERT INTO conversation_drafts (tenant_id, conversation_id, user_id, body)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (conversation_id, user_id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()
       RETURNING body, updated_at`,
      [key.tenantId, key.conversationId, key.userId, body],
    );
    return { body: row!.body, updatedAt: row!.updated_at };
  }

  async remove(tx: EntityManager, { conversationId, userId }: DraftKey): Promise<void> {
    await tx.query(`DELETE FROM conversation_drafts WHERE conversation_id = $1 AND user_id = $2`, [
      conversationId,
      userId,
    ]);
  }
}
