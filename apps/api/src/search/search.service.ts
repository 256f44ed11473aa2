import type { SearchPage } from '@mindsp/contracts';
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { decodeCursor, encodeCursor } from '../common/pagination';
import { APP_CONFIG, type AppConfig } from '../config/config';
import {
  MessageSearchRepository,
  type SearchRow,
} from '../conversations/message-search.repository';
import { toMessageView } from '../conversations/views';
import { RequestAborted, TenantDatabase } from '../database/tenant-database';
import type { SearchQueryDto } from './search.dto';
import { SearchSlots } from './search-slots';

/** PostgreSQL's query_canceled: the statement timeout, or the cancel sent for an aborted request. */
const QUERY_CANCELED = '57014';

/**
 * Search over the messages of the caller's conversations only (the scoping is in the query, which
 * MessageSearchRepository owns, beside the other queries of messages); pages by offset, best match first.
 * A search is the one read a user can make heavy at will: it runs within SearchSlots' limits, under
 * a statement timeout, and is cancelled in PostgreSQL when its request goes away.
 */
@Injectable()
export class SearchService {
  private readonly statementTimeoutMs: number;

  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly messages: MessageSearchRepository,
    private readonly slots: SearchSlots,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.statementTimeoutMs = config.search.timeoutSeconds * 1000;
  }

  /** `signal`: aborted when the request goes away (see RequestSignal). */
  async search(
    caller: AuthenticatedUser,
    query: SearchQueryDto,
    signal?: AbortSignal,
  ): Promise<SearchPage> {
    const limit = query.limit ?? 20;
    const [offset] = decodeCursor<[number]>(query.cursor, ['offset']) ?? [0];
    const release = this.slots.take(caller);
    let rows: SearchRow[];
    try {
      rows = await this.tenantDb.transaction(
        caller.tenantId,
        (tx) =>
          this.messages.search(tx, {
            text: query.q,
            userId: caller.id,
            tenantId: caller.tenantId,
            conversationId: query.conversationId ?? null,
            senderId: query.senderId ?? null,
            // Canonical ISO strings (see Instant): Date reads them exactly.
            since: query.since ? new Date(query.since) : null,
            until: query.until ? new Date(query.until) : null,
            hasFile: query.hasFile ?? false,
            limit: limit + 1,
            offset,
          }),
        { statementTimeoutMs: this.statementTimeoutMs, signal },
      );
    } catch (error) {
      // Cancelled by its timeout, or by its client leaving (nobody reads that answer).
      if (isCanceled(error) || error instanceof RequestAborted) {
        throw new ServiceUnavailableException(
          'The search took too long; try again with fewer or more precise words',
        );
      }
      throw error;
    } finally {
      release();
    }
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

function isCanceled(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: unknown }).code === QUERY_CANCELED
  );
}
