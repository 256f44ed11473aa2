import type { SearchPage } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { decodeCursor, encodeCursor } from '../common/pagination';
import { type MessageRow, rowToMessageView } from '../conversations/views';
import type { SearchQueryDto } from './search.dto';
import { SEARCH_SQL, WHOLE_BODY_HIGHLIGHT } from './search.sql';

interface HitRow extends MessageRow {
  title: string | null;
  highlight: string;
}

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
    const rows: HitRow[] = await this.db.query(SEARCH_SQL, [
      query.q,
      caller.id,
      caller.tenantId,
      query.conversationId ?? null,
      limit + 1,
      offset,
      WHOLE_BODY_HIGHLIGHT,
    ]);
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({
        message: rowToMessageView(row),
        conversation: { id: row.conversation_id, title: row.title },
        highlight: row.highlight,
      })),
      nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
    };
  }
}
