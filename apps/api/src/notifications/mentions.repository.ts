import { mentionToken, MENTION_EVERYONE } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A mentioned member's own state of the conversation, as a mention email needs it. */
export interface MentionedMember {
  userId: string;
  muted: boolean;
  lastReadSeq: number;
}

/** A mention still unread, oldest first. */
export interface UnreadMention {
  seq: number;
  body: string;
  senderName: string;
}

/** The SQL of mention emails: who was mentioned, and what of it they have not read. */
@Injectable()
export class MentionsRepository {
  /** These users' membership of the conversation (those who left are not returned). */
  async members(
    tx: EntityManager,
    conversationId: string,
    userIds: string[],
  ): Promise<MentionedMember[]> {
    const rows: { user_id: string; muted: boolean; last_read_seq: string }[] = await tx.query(
      `SELECT user_id, muted, last_read_seq FROM conversation_members
       WHERE conversation_id = $1 AND user_id = ANY($2::uuid[])`,
      [conversationId, userIds],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      muted: row.muted,
      lastReadSeq: Number(row.last_read_seq),
    }));
  }

  /**
   * The messages after `afterSeq` that mention `userId` (by name, or everyone), not theirs and
   * not deleted: the first `limit`, and how many there are in all.
   */
  async unread(
    tx: EntityManager,
    {
      conversationId,
      userId,
      afterSeq,
      limit,
    }: {
      conversationId: string;
      userId: string;
      afterSeq: number;
      limit: number;
    },
  ): Promise<{ mentions: UnreadMention[]; total: number }> {
    const rows: { seq: string; body: string; sender_name: string; total: string }[] =
      await tx.query(
        `SELECT m.seq, m.body, u.display_name AS sender_name, count(*) OVER () AS total
         FROM messages m JOIN users u ON u.id = m.sender_id
         WHERE m.conversation_id = $1 AND m.seq > $2 AND m.deleted_at IS NULL
           AND m.sender_id <> $3 AND (strpos(m.body, $4) > 0 OR strpos(m.body, $5) > 0)
         ORDER BY m.seq LIMIT $6`,
        [
          conversationId,
          afterSeq,
          userId,
          mentionToken(userId),
          mentionToken(MENTION_EVERYONE),
          limit,
        ],
      );
    return {
      mentions: rows.map((row) => ({
        seq: Number(row.seq),
        body: row.body,
        senderName: row.sender_name,
      })),
      total: Number(rows[0]?.total ?? 0),
    };
  }
}
