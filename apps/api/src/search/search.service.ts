import type { SearchPage } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { decodeCursor, encodeCursor } from '../common/pagination';
import { MessagesRepository } from '../conversations/messages.repository';
import { toMessageView } from '../conversations/views';
import { TenantDatabase } from '../database/tenant-database';
import type { SearchQueryDto } from './search.dto';

/**
 * Search over the messages of the caller's conversations only (the scoping is in the query, which
 * MessagesRepository owns with every other query of messages); pages by offset, best match first.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly messages: MessagesRepository,
  ) {}

  async search(caller: AuthenticatedUser, query: SearchQueryDto): Promise<SearchPage> {
    const limit = query.limit ?? 20;
    const [offset] = decodeCursor<[number]>(query.cursor, ['offset']) ?? [0];
    const rows = await this.tenantDb.transaction(caller.tenantId, (tx) =>
      this.messages.search(tx, {
        text: query.q,
        userId: caller.id,
        tenantId: caller.tenantId,
        conversationId: query.conversationId ?? null,
        senderId: query.senderId ?? null,
        since: query.since ? new Date(query.since) : null,
        until: query.until ? new Date(query.until) : null,
        hasFile: query.hasFile ?? false,
        limit: limit + 1,
        offset,
      }),
    );
    return {
      items: rows.slice(0, limit).map((row) => ({
        message: toMessageView(row.message),
        conversation: {
          id: row.message.conversationId,
          title: row.title,
          kind: row.kind,
          otherName: row.otherName,
        },
        senderName: row.senderName,
        highlight: row.highlight,
      })),
      nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
    };
  }
}
