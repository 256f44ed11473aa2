import { MENTION_EVERYONE, mentionToken, type ConversationKind } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A conversation as the features that notify its members see it (reminders, urgent alerts). */
export interface ConversationAudience {
  kind: ConversationKind;
  createdBy: string | null;
  memberIds: string[];
}

/** A member with messages they have not read, as a message notification needs them. */
export interface UnreadMember {
  userId: string;
  lastReadSeq: number;
  lastSeq: number;
}

export interface UnreadSummary {
  /** Who wrote the unread messages, latest first. */
  senders: { id: string; displayName: string }[];
  /** The latest unread message's text (empty if it was deleted). */
  lastBody: string;
}

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

/**
 * Conversations as the features that react to them read them (notifications, reminders, urgent
 * alerts): who a conversation reaches, who has not read it, what was said. The one way another
 * feature reads conversations' tables; exported by ConversationsDataModule, so a worker needs no
 * gateway to read them.
 */
@Injectable()
export class ConversationsReader {
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

  /** The groups among `conversationIds` (of this tenant), and their active members but `exceptId`. */
  async groupMembers(
    tx: EntityManager,
    tenantId: string,
    conversationIds: string[],
    exceptId: string,
  ): Promise<{ groupIds: string[]; userIds: string[] }> {
    const groups: { id: string }[] = await tx.query(
      `SELECT id FROM conversations WHERE tenant_id = $1 AND kind = 'group' AND id = ANY($2::uuid[])`,
      [tenantId, conversationIds],
    );
    const members: { user_id: string }[] = await tx.query(
      `SELECT DISTINCT m.user_id FROM conversation_members m JOIN users u ON u.id = m.user_id
       WHERE m.conversation_id = ANY($1::uuid[]) AND m.user_id <> $2 AND u.deactivated_at IS NULL
       ORDER BY m.user_id`,
      [groups.map((group) => group.id), exceptId],
    );
    return { groupIds: groups.map((group) => group.id), userIds: members.map((m) => m.user_id) };
  }

  /**
   * Members of a conversation who have not read it to its end and did not mute it. A sender is not
   * among them by their own message (a send marks it read): one job serves several senders.
   */
  async unreadMembers(tx: EntityManager, conversationId: string): Promise<UnreadMember[]> {
    const rows: { user_id: string; last_read_seq: string; last_seq: string }[] = await tx.query(
      `SELECT m.user_id, m.last_read_seq, c.last_seq
       FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.conversation_id = $1 AND m.last_read_seq < c.last_seq
         -- A muted conversation notifies of nothing but mentions (and alerts, which are not messages).
         AND NOT m.muted`,
      [conversationId],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      lastReadSeq: Number(row.last_read_seq),
      lastSeq: Number(row.last_seq),
    }));
  }

  /** A sent message as its mentions need it; null when it is gone or was deleted since. */
  async mentioningMessage(
    tx: EntityManager,
    messageId: string,
  ): Promise<{ body: string; seq: number; senderName: string } | null> {
    const [row]: { body: string; seq: string; sender_name: string }[] = await tx.query(
      `SELECT m.body, m.seq, u.display_name AS sender_name
       FROM messages m JOIN users u ON u.id = m.sender_id
       WHERE m.id = $1 AND m.deleted_at IS NULL`,
      [messageId],
    );
    return row ? { body: row.body, seq: Number(row.seq), senderName: row.sender_name } : null;
  }

  /** The current members of a conversation among `userIds` (all of them when null), but `exceptId`. */
  async membersAmong(
    tx: EntityManager,
    conversationId: string,
    userIds: string[] | null,
    exceptId: string,
  ): Promise<string[]> {
    const rows: { user_id: string }[] = await tx.query(
      `SELECT user_id FROM conversation_members
       WHERE conversation_id = $1 AND user_id <> $2 AND ($3::uuid[] IS NULL OR user_id = ANY($3::uuid[]))
       ORDER BY user_id`,
      [conversationId, exceptId, userIds],
    );
    return rows.map((row) => row.user_id);
  }

  /** One member's watermark and the conversation's last seq; null when no longer a member. */
  async memberState(
    tx: EntityManager,
    conversationId: string,
    userId: string,
  ): Promise<UnreadMember | null> {
    const [row]: { last_read_seq: string; last_seq: string }[] = await tx.query(
      `SELECT m.last_read_seq, c.last_seq
       FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.conversation_id = $1 AND m.user_id = $2`,
      [conversationId, userId],
    );
    if (!row) return null;
    return { userId, lastReadSeq: Number(row.last_read_seq), lastSeq: Number(row.last_seq) };
  }

  /** Who wrote the messages after `afterSeq` up to `upToSeq` (but `readerId`), and the last one. */
  async unreadSummary(
    tx: EntityManager,
    conversationId: string,
    { afterSeq, upToSeq, readerId }: { afterSeq: number; upToSeq: number; readerId: string },
  ): Promise<UnreadSummary> {
    const senders: { id: string; displayName: string }[] = await tx.query(
      `SELECT u.id, u.display_name AS "displayName"
       FROM messages m JOIN users u ON u.id = m.sender_id
       WHERE m.conversation_id = $1 AND m.seq > $2 AND m.seq <= $3 AND m.sender_id <> $4
       GROUP BY u.id, u.display_name ORDER BY max(m.seq) DESC`,
      [conversationId, afterSeq, upToSeq, readerId],
    );
    const [last]: { body: string }[] = await tx.query(
      `SELECT body FROM messages
       WHERE conversation_id = $1 AND seq > $2 AND seq <= $3 AND sender_id <> $4
       ORDER BY seq DESC LIMIT 1`,
      [conversationId, afterSeq, upToSeq, readerId],
    );
    return { senders, lastBody: last?.body ?? '' };
  }

  /** These users' membership of the conversation (those who left are not returned). */
  async memberships(
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
  async unreadMentions(
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
