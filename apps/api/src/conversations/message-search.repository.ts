import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Message } from './message.entity';
import { toMessage, type MessageRow } from './messages.repository';

/** Bodies up to this many characters come back whole in a search highlight; longer ones as excerpts. */
export const WHOLE_BODY_HIGHLIGHT = 280;

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
  /** Only messages with files. */
  hasFile?: boolean;
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

const SEARCH_SQL = `WITH q AS (SELECT websearch_to_tsquery('mindsp_search', $1) AS query)
  SELECT m.id, m.conversation_id, m.seq, m.change_seq, m.sender_id, m.body, m.client_message_id,
         m.created_at, m.edited_at, m.deleted_at, m.reply_to_id, m.note, m.pinned_at, m.pinned_by,
         c.title, c.kind, sender.display_name AS sender_name,
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
    AND (NOT $11::boolean OR jsonb_array_length(m.attachments) > 0)
  -- Normalisation 1 (rank / (1 + log(length))): the same word count in a shorter message
  -- ranks higher, instead of tying and falling back to the newest.
  ORDER BY ts_rank_cd(m.search_vector, q.query, 1) DESC, m.created_at DESC, m.id
  LIMIT $5 OFFSET $6`;

/**
 * The full-text search over messages (GET /api/search), apart from the other statements of
 * messages: its SQL is the longest, and `pnpm bench` EXPLAINs it as run.
 */
@Injectable()
export class MessageSearchRepository {
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
        input.hasFile ?? false,
      ],
    ];
  }
}
