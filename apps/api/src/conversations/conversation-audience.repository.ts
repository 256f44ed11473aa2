import type { ConversationKind } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A conversation as the features that notify its members see it (reminders, urgent alerts). */
export interface ConversationAudience {
  kind: ConversationKind;
  createdBy: string | null;
  memberIds: string[];
}

/**
 * Who a conversation reaches, for features outside conversations/ that notify its members: a
 * repository of its own, so they need not import the conversations module (gateway and all).
 */
@Injectable()
export class ConversationAudienceRepository {
  /** The conversation if `userId` is one of its members, in the tenant; null otherwise (404). */
  async forMember(
    tx: EntityManager,
    {
      tenantId,
      conversationId,
      userId,
    }: { tenantId: string; conversationId: string; userId: string },
  ): Promise<ConversationAudience | null> {
    const rows: { kind: ConversationKind; created_by: string | null; user_id: string }[] =
      await tx.query(
        `SELECT c.kind, c.created_by, m.user_id FROM conversations c
         JOIN conversation_members m ON m.conversation_id = c.id
         WHERE c.id = $1 AND c.tenant_id = $2
           AND EXISTS (SELECT 1 FROM conversation_members me
                       WHERE me.conversation_id = c.id AND me.user_id = $3)
         ORDER BY m.user_id`,
        [conversationId, tenantId, userId],
      );
    if (!rows.length) return null;
    return {
      kind: rows[0]!.kind,
      createdBy: rows[0]!.created_by,
      memberIds: rows.map((row) => row.user_id),
    };
  }
}
