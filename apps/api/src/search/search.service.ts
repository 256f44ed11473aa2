import type { SearchPage } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { decodeCursor, encodeCursor } from '../common/pagination';
import { toMessageView } from '../conversations/views';
import type { SearchQueryDto } from './search.dto';

interface HitRow {
  id: string;
  conversation_id: string;
  seq: string;
  sender_id: string;
  body: string;
  client_message_id: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  title: string | null;
  highlight: string;
}

/** Bodies up to this many characters come back whole in `highlight`; longer ones as excerpts. */
const WHOLE_BODY_HIGHLIGHT = 280;

/**
 * Full-text search over the messages of the caller's conversations only. websearch_to_tsquery
 * takes any user text (quotes, OR, -, SQL metacharacters) without a syntax error, and the
 * mindsp_search configuration ignores accents. Served by the GIN index on messages.search_vector.
 */
@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(caller: AuthenticatedUser, query: SearchQueryDto): Promise<SearchPage> {
    const limit = query.limit ?? 20;
    const [offset] = decodeCursor<[number]>(query.cursor, ['offset']) ?? [0];
    const rows: HitRow[] = await this.db.query(
      `WITH q AS (SELECT websearch_to_tsquery('mindsp_search', $1) AS query)
       SELECT m.id, m.conversation_id, m.seq, m.sender_id, m.body, m.client_message_id,
              m.created_at, m.edited_at, m.deleted_at, c.title,
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
       WHERE m.search_vector @@ q.query
         AND m.deleted_at IS NULL
         AND ($4::uuid IS NULL OR m.conversation_id = $4::uuid)
       -- Normalisation 1 (rank / (1 + log(length))): the same word count in a shorter message
       -- ranks higher, instead of tying and falling back to the newest.
       ORDER BY ts_rank_cd(m.search_vector, q.query, 1) DESC, m.created_at DESC, m.id
       LIMIT $5 OFFSET $6`,
      [query.q, caller.id, caller.tenantId, query.conversationId ?? null, limit + 1, offset, WHOLE_BODY_HIGHLIGHT],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({
        message: toMessageView({
          id: row.id,
          conversationId: row.conversation_id,
          seq: Number(row.seq),
          senderId: row.sender_id,
          body: row.body,
          clientMessageId: row.client_message_id,
          createdAt: row.created_at,
          editedAt: row.edited_at,
          deletedAt: row.deleted_at,
        }),
        conversation: { id: row.conversation_id, title: row.title },
        highlight: row.highlight,
      })),
      nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
    };
  }
}
