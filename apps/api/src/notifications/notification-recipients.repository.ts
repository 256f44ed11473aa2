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

/**
 * Who a notification goes to: people, groups' members, conversations' unread members. Every
 * delivery (in-app row, socket push, email, digest) resolves its people through `users` when it
 * runs, not when its cause was recorded: someone deactivated since gets nothing.
 */
@Injectable()
export class NotificationRecipientsRepository {
  /** The active people of the tenant among `ids`: a deactivated person receives nothing. */
  users(tx: EntityManager, tenantId: string, ids: string[]): Promise<Recipient[]> {
    return tx.query(
      `SELECT id, email, display_name AS "displayName", locale FROM users
       WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND deactivated_at IS NULL`,
      [tenantId, ids],
    );
  }

  async everyoneBut(tx: EntityManager, tenantId: string, exceptId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM users
       WHERE tenant_id = $1 AND id <> $2 AND deactivated_at IS NULL ORDER BY id`,
      [tenantId, exceptId],
    );
    return rows.map((row) => row.id);
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

  /** Display names by id, for the words of a notification. */
  async displayNames(tx: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; display_name: string }[] = await tx.query(
      `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.display_name]));
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
