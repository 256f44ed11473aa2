import type { AttachmentView } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { TimelineNote } from '@mindsp/contracts';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Message } from './message.entity';

/** What a send asks for: the seq and change counter are taken by the statement itself. */
export interface MessageToSend {
  conversationId: string;
  tenantId: string;
  senderId: string;
  clientMessageId: string;
  body: string;
  /** The message it answers (checked to be of the same conversation by the caller). */
  replyToId: string | null;
}

/** How a send ended: stored, or why not (the caller rolls back whatever the statement did). */
export type SendOutcome =
  { stored: Message } | { missing: 'conversation' | 'member' } | { duplicate: true };

/** Where a page starts: `before` pages back in history, `after` catches up, neither is the latest. */
export interface PageStart {
  before?: number;
  after?: number;
}

/** A messages row as raw SQL returns it (pg gives bigint as text). */
export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: string;
  change_seq: string;
  sender_id: string;
  body: string;
  client_message_id: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  reply_to_id: string | null;
  /** Absent from the search's rows, which leave attachments out. */
  attachments?: AttachmentView[];
  note: TimelineNote | null;
  pinned_at: Date | null;
  pinned_by: string | null;
}

export const MESSAGE_ROW_COLUMNS =
  'id, conversation_id, seq, change_seq, sender_id, body, client_message_id, created_at, edited_at, deleted_at, reply_to_id, attachments, note, pinned_at, pinned_by';

/**
 * The SQL of messages: the send statements, edits and deletions, pages (search is
 * MessageSearchRepository's). Every method
 * takes the transaction of TenantDatabase: row-level security holds it to one tenant.
 */
@Injectable()
export class MessagesRepository {
  /**
   * A send in one statement, so the conversation's row lock is held for one round trip and not four:
   * takes the next seq and change (the lock), marks the conversation read by its sender (no row: no
   * longer a member), brings the conversation back for the members who archived it, and inserts the
   * message. On
   * `missing` or `duplicate` the seq was still taken: roll back.
   */
  async send(tx: EntityManager, m: MessageToSend): Promise<SendOutcome> {
    const rows: (Partial<MessageRow> & { members: string })[] = await tx.query(
      `WITH conversation AS (
           UPDATE conversations
           SET last_seq = last_seq + 1, last_change = last_change + 1, updated_at = now()
           WHERE id = $1 AND tenant_id = $2 RETURNING last_seq, last_change
         ), sender AS (
           UPDATE conversation_members m
           SET last_read_seq = GREATEST(m.last_read_seq, c.last_seq), archived_at = NULL
           FROM conversation c WHERE m.conversation_id = $1 AND m.user_id = $3
           RETURNING c.last_seq, c.last_change
         ), unarchived AS (
           -- The sender's own row is the statement above's: a row is changed once per statement.
           UPDATE conversation_members SET archived_at = NULL
           WHERE conversation_id = $1 AND user_id <> $3 AND archived_at IS NOT NULL
         ), message AS (
           INSERT INTO messages
             (conversation_id, seq, change_seq, sender_id, client_message_id, body, reply_to_id)
           SELECT $1, last_seq, last_change, $3, $4, $5, $6 FROM sender
           ON CONFLICT (sender_id, client_message_id) DO NOTHING
           RETURNING ${MESSAGE_ROW_COLUMNS}
         )
         SELECT (SELECT count(*) FROM sender) AS members, message.*
         FROM conversation LEFT JOIN message ON true`,
      [m.conversationId, m.tenantId, m.senderId, m.clientMessageId, m.body, m.replyToId],
    );
    const row = rows[0];
    if (!row) return { missing: 'conversation' };
    if (row.members === '0') return { missing: 'member' };
    if (!row.id) return { duplicate: true };
    return { stored: toMessage(row as MessageRow) };
  }

  /**
   * Takes the conversation's next seq and change number (a timeline note's; a send takes them in
   * its own statement). The row lock it takes serialises writers until commit, so seqs are gap-free
   * and strictly increasing. Null when the conversation is not there.
   */
  async allocateSeq(
    tx: EntityManager,
    { conversationId, tenantId }: { conversationId: string; tenantId: string },
  ): Promise<{ seq: number; changeSeq: number } | null> {
    const [rows]: [{ last_seq: string; last_change: string }[], number] = await tx.query(
      `UPDATE conversations
       SET last_seq = last_seq + 1, last_change = last_change + 1, updated_at = now()
       WHERE id = $1 AND tenant_id = $2 RETURNING last_seq, last_change`,
      [conversationId, tenantId],
    );
    const row = rows[0];
    return row ? { seq: Number(row.last_seq), changeSeq: Number(row.last_change) } : null;
  }

  /** The edited message; null unless it is the sender's and not deleted (one statement: no race). */
  async edit(
    tx: EntityManager,
    e: {
      messageId: string;
      conversationId: string;
      senderId: string;
      body: string;
      changeSeq: number;
    },
  ): Promise<Message | null> {
    const [rows]: [MessageRow[], number] = await tx.query(
      `UPDATE messages SET body = $4, edited_at = now(), change_seq = $5
       WHERE id = $1 AND conversation_id = $2 AND sender_id = $3 AND deleted_at IS NULL
       RETURNING ${MESSAGE_ROW_COLUMNS}`,
      [e.messageId, e.conversationId, e.senderId, e.body, e.changeSeq],
    );
    return rows.length ? toMessage(rows[0]!) : null;
  }

  /**
   * Deletes for everyone: the message keeps its seq (no gap) and loses its body. Null unless it
   * was not deleted yet and is the user's own, or `asAdmin`.
   */
  async erase(
    tx: EntityManager,
    d: {
      messageId: string;
      conversationId: string;
      userId: string;
      asAdmin: boolean;
      changeSeq: number;
    },
  ): Promise<Message | null> {
    const [rows]: [MessageRow[], number] = await tx.query(
      `UPDATE messages SET body = '', attachments = '[]', deleted_at = now(), change_seq = $5
       WHERE id = $1 AND conversation_id = $2 AND deleted_at IS NULL
         AND (sender_id = $3 OR $4::boolean)
       RETURNING ${MESSAGE_ROW_COLUMNS}`,
      [d.messageId, d.conversationId, d.userId, d.asAdmin, d.changeSeq],
    );
    return rows.length ? toMessage(rows[0]!) : null;
  }

  find(tx: EntityManager, conversationId: string, messageId: string): Promise<Message | null> {
    return tx.getRepository(Message).findOneBy({ id: messageId, conversationId });
  }

  /** The messages of one conversation among `ids` (the originals that replies quote). */
  findMany(tx: EntityManager, conversationId: string, ids: string[]): Promise<Message[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.getRepository(Message).findBy({ id: In(ids), conversationId });
  }

  /** The message a sender sent with this clientMessageId, in whatever conversation. */
  findSent(tx: EntityManager, senderId: string, clientMessageId: string): Promise<Message | null> {
    return tx.getRepository(Message).findOneBy({ senderId, clientMessageId });
  }

  /** Up to `limit` messages from `start`, in the order read (descending unless catching up). */
  page(tx: EntityManager, conversationId: string, start: PageStart, limit: number) {
    return this.pageQuery(tx, conversationId, start, limit).getMany();
  }

  /** The page's query as run, also for `pnpm bench` to EXPLAIN. */
  pageQuery(
    tx: EntityManager,
    conversationId: string,
    start: PageStart,
    limit: number,
  ): SelectQueryBuilder<Message> {
    const qb = tx
      .getRepository(Message)
      .createQueryBuilder('m')
      .where('m.conversation_id = :conversationId', { conversationId });
    if (start.after !== undefined) {
      // Catch-up reads forward from the cursor.
      qb.andWhere('m.seq > :after', { after: start.after }).orderBy('m.seq', 'ASC');
    } else {
      if (start.before !== undefined) qb.andWhere('m.seq < :before', { before: start.before });
      qb.orderBy('m.seq', 'DESC');
    }
    return qb.take(limit);
  }

  /**
   * The messages up to seq `through` that changed after change `since` (edited or deleted while
   * the client was away), oldest change first; at most `limit`.
   */
  changedSince(
    tx: EntityManager,
    conversationId: string,
    { since, through }: { since: number; through: number },
    limit: number,
  ): Promise<Message[]> {
    return tx
      .getRepository(Message)
      .createQueryBuilder('m')
      .where('m.conversation_id = :conversationId', { conversationId })
      .andWhere('m.change_seq > :since AND m.seq <= :through', { since, through })
      .orderBy('m.change_seq', 'ASC')
      .take(limit)
      .getMany();
  }
}

export function toMessage(row: MessageRow): Message {
  return Object.assign(new Message(), {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    changeSeq: Number(row.change_seq),
    senderId: row.sender_id,
    body: row.body,
    clientMessageId: row.client_message_id,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    replyToId: row.reply_to_id,
    attachments: row.attachments ?? [],
    note: row.note,
    pinnedAt: row.pinned_at,
    pinnedBy: row.pinned_by,
  });
}
