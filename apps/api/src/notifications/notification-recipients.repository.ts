import type { Locale } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
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

/** Who a notification goes to: people, groups' members, conversations' unread members. */
@Injectable()
export class NotificationRecipientsRepository {
  users(tx: EntityManager, tenantId: string, ids: string[]): Promise<Recipient[]> {
    return tx.query(
      `SELECT id, email, display_name AS "displayName", locale FROM users
       WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, ids],
    );
  }

  async everyoneBut(tx: EntityManager, tenantId: string, exceptId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM users WHERE tenant_id = $1 AND id <> $2 ORDER BY id`,
      [tenantId, exceptId],
    );
    return rows.map((row) => row.id);
  }

  /** The groups among `conversationIds` (of this tenant), and their members but `exceptId`. */
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
      `SELECT DISTINCT user_id FROM conversation_members
       WHERE conversation_id = ANY($1::uuid[]) AND user_id <> $2 ORDER BY user_id`,
      [groups.map((group) => group.id), exceptId],
    );
    return { groupIds: groups.map((group) => group.id), userIds: members.map((m) => m.user_id) };
  }

  /** Members of a conversation, but `senderId`, who have not read it to its end. */
  async unreadMembers(
    tx: EntityManager,
    conversationId: string,
    senderId: string,
  ): Promise<UnreadMember[]> {
    const rows: { user_id: string; last_read_seq: string; last_seq: string }[] = await tx.query(
      `SELECT m.user_id, m.last_read_seq, c.last_seq
       FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.conversation_id = $1 AND m.user_id <> $2 AND m.last_read_seq < c.last_seq`,
      [conversationId, senderId],
    );
    return rows.map((row) => ({
      userId: row.user_id,
      lastReadSeq: Number(row.last_read_seq),
      lastSeq: Number(row.last_seq),
    }));
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
}
