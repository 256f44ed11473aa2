import { MESSAGING_LIMITS, type MessagePage, type SyncResult } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { TenantDatabase } from '../database/tenant-database';
import { ConversationAccess } from './conversation-access';
import { ConversationViews } from './conversation-views';
import { ConversationsRepository } from './conversations.repository';
import type { MessageListQueryDto } from './dto/messages.dto';
import { MessageDetailsService } from './message-details.service';
import { MessagesRepository, type PageStart } from './messages.repository';
import { viewFor } from './views';

/**
 * A conversation's history as a member reads it: pages (first load, scrolling back) and the
 * catch-up after a reconnection. Writes are MessagesService's.
 */
@Injectable()
export class MessageHistoryService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly messages: MessagesRepository,
    private readonly conversations: ConversationsRepository,
    private readonly access: ConversationAccess,
    private readonly details: MessageDetailsService,
    private readonly views: ConversationViews,
  ) {}

  /** The latest page by default; `before` pages back in history, `after` catches up. Ascending seq. */
  async list(
    caller: AuthenticatedUser,
    conversationId: string,
    query: MessageListQueryDto,
  ): Promise<MessagePage> {
    const limit = query.limit ?? MESSAGING_LIMITS.messagePageDefault;
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      await this.access.findForMember(tx, caller, conversationId);
      // Read first: a change committed while the page is read comes again at the next sync.
      const lastChange = await this.conversations.lastChange(tx, conversationId);
      return { ...(await this.page(tx, conversationId, query, limit)), lastChange };
    });
  }

  /**
   * Catch-up after a reconnect, per conversation: what came after the last seq the client holds
   * and, when it says up to which change it holds them (`changes`), the messages it holds that
   * were edited or deleted since. Checked by SyncDto (canonical ids, integers >= 0, at most 500).
   */
  async sync(
    caller: AuthenticatedUser,
    cursors: Record<string, number>,
    changes: Record<string, number> = {},
  ): Promise<SyncResult> {
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      // Read first: a change committed while the rest is read comes again next time, never less.
      const memberOf = await this.conversations.changeCounters(tx, {
        ids: Object.keys(cursors),
        userId: caller.id,
        tenantId: caller.tenantId,
      });
      const result: SyncResult = { conversations: {} };
      // Conversations the caller is not in are left out, exactly as unknown ones.
      for (const { id, lastChange, metaChange } of memberOf) {
        const through = cursors[id]!;
        const since = changes[id];
        const page = await this.page(
          tx,
          id,
          { after: through },
          MESSAGING_LIMITS.syncPerConversation,
        );
        const changed =
          since === undefined
            ? []
            : await this.messages.changedSince(
                tx,
                id,
                { since, through },
                MESSAGING_LIMITS.syncPerConversation + 1,
              );
        // Its title or members changed after the client's change cursor: it gets them as they are.
        const metaChanged = since !== undefined && metaChange > since;
        const conversation = metaChanged
          ? viewFor(caller.id, (await this.views.load(tx, [id]))[0]!)
          : undefined;
        result.conversations[id] = {
          ...page,
          // Too many changes to send: the client reloads the history, as for too many messages.
          hasMore: page.hasMore || changed.length > MESSAGING_LIMITS.syncPerConversation,
          changed: await this.details.views(
            tx,
            changed.slice(0, MESSAGING_LIMITS.syncPerConversation),
          ),
          lastChange,
          ...(conversation && { conversation }),
        };
      }
      return result;
    });
  }

  private async page(
    tx: EntityManager,
    conversationId: string,
    start: PageStart,
    limit: number,
  ): Promise<MessagePage> {
    const rows = await this.messages.page(tx, conversationId, start, limit + 1);
    const items = rows.slice(0, limit);
    if (start.after === undefined) items.reverse();
    return { items: await this.details.views(tx, items), hasMore: rows.length > limit };
  }
}
