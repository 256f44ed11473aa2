import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Message } from './message.entity';

/** Bodies up to this many characters come back whole in a search highlight; longer ones as excerpts. */
export const WHOLE_BODY_HIGHLIGHT = 280;

export interface NewMessage {
  conversationId: string;
  seq: number;
  changeSeq: number;
  senderId: string;
  clientMessageId: string;
  body: string;
}

/** Where a page starts: `before` pages back in history, `after` catches up, neither is the latest. */
export interface PageStart {
  before?: number;
  after?: number;
}

export interface SearchInput {
  /** The user's words, as typed: websearch_to_tsquery accepts any text without a syntax error. */
  text: string;
  userId: string;
  tenantId: string;
  /** Only this conversation, or all of the user's. */
  conversationId: string | null;
  /** Only messages of this sender. */
  senderId?: string | null;
  /** Only messages sent at or after `since` and before `until`. */
  since?: Date | null;
  until?: Date | null;
  limit: number;
  offset: number;
}

export interface SearchRow {
  message: Message;
  title: string | null;
  kind: 'direct' | 'group';
  /** A direct conversation's other member (what the caller sees as its name); null for a group. */
  otherName: string | null;
  senderName: string;
  /** The body with the matched words between « and ». */
  highlight: string;
}

/** A messages row as raw SQL returns it (pg gives bigint as text). */
interface MessageRow {
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
}

const MESSAGE_ROW_COLUMNS =
  'id, conversation_id, seq, change_seq, sender_id, body, client_message_id, created_at, edited_at, deleted_at';

const SEARCH_SQL = `WITH q AS (SELECT websearch_to_tsquery('mindsp_search', $1) AS query)
  SELECT m.id, m.conversation_id, m.seq, m.change_seq, m.sender_id, m.body, m.client_message_id,
         m.created_at, m.edited_at, m.deleted_at, c.title, c.kind, sender.display_name AS sender_name,
         CASE WHEN c.kind = 'direct' THEN (
           SELECT u.display_name FROM conversation_members om JOIN users u ON u.id = om.user_id
           WHERE om.conversation_id = c.id AND om.user_id <> $2 LIMIT 1)
         END AS other_name,
         -- Fragments cut words around the match even when the whole body is short
         -- ("La réunion est reportée" came back as "«réunion» est reportée"): a short body
         -- is highlighted whole, only a long one is cut to excerpts.
         CASE WHEN char_length(m.body) <= $7
           THEN ts_headline('mindsp_search', m.body, q.query, 'StartSel=«, StopSel=», HighlightAll=true')
           ELSE ts_headline('mindsp_search', m.body, q.query,
                            'StartSel=«, StopSel=», HighlightAll=false, MaxWords=30, MinWords=10, MaxFragments=2')
         END AS highlight
  FROM q, messages m
  JOIN conversation_members me ON me.conversation_id = m.conversation_id AND me.user_id = $2
  JOIN conversations c ON c.id = m.conversation_id AND c.tenant_id = $3
  JOIN users sender ON sender.id = m.sender_id
  WHERE m.search_vector @@ q.query
    AND m.deleted_at IS NULL
    AND ($4::uuid IS NULL OR m.conversation_id = $4::uuid)
    AND ($8::uuid IS NULL OR m.sender_id = $8::uuid)
    AND ($9::timestamptz IS NULL OR m.created_at >= $9::timestamptz)
    AND ($10::timestamptz IS NULL OR m.created_at < $10::timestamptz)
  -- Normalisation 1 (rank / (1 + log(length))): the same word count in a shorter message
  -- ranks higher, instead of tying and falling back to the newest.
  ORDER BY ts_rank_cd(m.search_vector, q.query, 1) DESC, m.created_at DESC, m.id
  LIMIT $5 OFFSET $6`;

/**
 * The SQL of messages: the send statements, edits and deletions, pages and search. Every method
 * takes the transaction of TenantDatabase: row-level security holds it to one tenant.
 */
@Injectable()
export class MessagesRepository {
  /**
   * Takes the conversation's next seq and change number. The row lock it takes serialises senders
   * until commit, so seqs are gap-free and strictly increasing. Null when the conversation is not
   * there.
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

  /** The new message; null when the sender already used this clientMessageId (a racing retry). */
  async insert(tx: EntityManager, m: NewMessage): Promise<Message | null> {
    const rows: MessageRow[] = await tx.query(
      `INSERT INTO messages (conversation_id, seq, change_seq, sender_id, client_message_id, body)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (sender_id, client_message_id) DO NOTHING
       RETURNING ${MESSAGE_ROW_COLUMNS}`,
      [m.conversationId, m.seq, m.changeSeq, m.senderId, m.clientMessageId, m.body],
    );
    return rows.length ? toMessage(rows[0]!) : null;
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
      `UPDATE messages SET body = '', deleted_at = now(), change_seq = $5
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

  /**
   * Full-text search over the messages of the user's conversations only, best match first. The
   * mindsp_search configuration ignores accents; served by the GIN index on search_vector.
   */
  async search(tx: EntityManager, input: SearchInput): Promise<SearchRow[]> {
    const rows: (MessageRow & {
      title: string | null;
      kind: 'direct' | 'group';
      other_name: string | null;
      sender_name: string;
      highlight: string;
    })[] = await tx.query(...this.searchQuery(input));
    return rows.map((row) => ({
      message: toMessage(row),
      title: row.title,
      kind: row.kind,
      otherName: row.other_name,
      senderName: row.sender_name,
      highlight: row.highlight,
    }));
  }

  /** The search's SQL and bound parameters as run, also for `pnpm bench` to EXPLAIN. */
  searchQuery(input: SearchInput): [string, unknown[]] {
    return [
      SEARCH_SQL,
      [
        input.text,
        input.userId,
        input.tenantId,
        input.conversationId,
        input.limit,
        input.offset,
        WHOLE_BODY_HIGHLIGHT,
        input.senderId ?? null,
        input.since ?? null,
        input.until ?? null,
      ],
    ];
  }
}

function toMessage(row: MessageRow): Message {
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
  });
}
