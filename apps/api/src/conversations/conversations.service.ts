import { LIMITS, type ConversationView, type Page } from '@mindsp/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { badField } from '../common/bad-request';
import { badCursor, containsPattern, decodeCursor, encodeCursor } from '../common/pagination';
import { ConversationAccess } from './conversation-access';
import { ConversationEventOrder } from './conversation-event-order';
import { ConversationMembersService } from './conversation-members.service';
import { ConversationViews, type BaseView } from './conversation-views';
import { Conversation, ConversationMember } from './conversation.entity';
import type {
  AddMembersDto,
  ConversationListQueryDto,
  CreateConversationDto,
} from './dto/conversations.dto';
import { conversationListSql } from './conversation-list.sql';
import { viewFor } from './views';

/** PostgreSQL's invalid_text_representation, invalid_datetime_format, datetime_field_overflow. */
const BAD_CURSOR_CODES = new Set(['22P02', '22007', '22008']);

@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ConversationAccess,
    private readonly views: ConversationViews,
    private readonly order: ConversationEventOrder,
    private readonly members: ConversationMembersService,
  ) {}

  async create(
    caller: AuthenticatedUser,
    input: CreateConversationDto,
  ): Promise<{ view: ConversationView; created: boolean }> {
    const others = [...new Set(input.memberIds)].filter((id) => id !== caller.id);
    if (input.kind === 'direct' && (others.length !== 1 || input.memberIds.length !== 1)) {
      throw badField('memberIds', 'a direct conversation has exactly one other member');
    }
    if (others.length === 0) {
      throw badField('memberIds', 'memberIds must name someone other than you');
    }
    await this.access.assertSameTenant(caller, others);

    const outcome = await this.order.write<{ conversationId: string; base: BaseView | null }>(
      caller.tenantId,
      async (tx, takeTurn) => {
        const directKey = input.kind === 'direct' ? [caller.id, others[0]].sort().join(':') : null;
        const inserted: { id: string }[] = await tx.query(
          `INSERT INTO conversations (tenant_id, kind, title, direct_key, created_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, direct_key) DO NOTHING
         RETURNING id`,
          [
            caller.tenantId,
            input.kind,
            input.kind === 'group' ? input.title : null,
            directKey,
            caller.id,
          ],
        );
        if (!inserted.length) {
          // One direct conversation per pair: asking again returns the one that exists.
          const existing = await tx
            .getRepository(Conversation)
            .findOneByOrFail({ tenantId: caller.tenantId, directKey: directKey! });
          return { result: { conversationId: existing.id, base: null } };
        }
        const id = inserted[0]!.id;
        takeTurn(id);
        // Founding members: joined_after_seq 0, every message counts them.
        await tx.getRepository(ConversationMember).insert(
          [caller.id, ...others].map((userId) => ({
            conversationId: id,
            userId,
            lastReadSeq: 0,
          })),
        );
        const base = (await this.views.load([id], tx))[0]!;
        return {
          result: { conversationId: id, base },
          events: () => this.views.announce(base, 'conversation:new'),
        };
      },
    );
    const created = outcome.base !== null;
    const base = outcome.base ?? (await this.views.load([outcome.conversationId]))[0]!;
    return { view: viewFor(caller.id, base), created };
  }

  async list(
    caller: AuthenticatedUser,
    query: ConversationListQueryDto,
  ): Promise<Page<ConversationView>> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const after = decodeCursor<[string, string]>(query.cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [caller.id, caller.tenantId, limit + 1];
    let filters = '';
    const q = query.q?.trim();
    if (q) {
      params.push(containsPattern(q));
      const p = `immutable_unaccent(lower($${params.length}))`;
      filters += ` AND (immutable_unaccent(lower(coalesce(c.title, ''))) LIKE ${p} ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM conversation_members om JOIN users u ON u.id = om.user_id
                   WHERE om.conversation_id = c.id AND om.user_id <> $1
                     AND immutable_unaccent(lower(u.display_name)) LIKE ${p} ESCAPE '\\'))`;
    }
    if (after) {
      params.push(after[0], after[1]);
      filters += ` AND (c.updated_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    const rows: { id: string; updated_key: string }[] = await this.db
      .query(conversationListSql(filters), params)
      .catch((error: unknown) => {
        // A forged cursor whose first part is not a timestamp is a bad cursor, not a 500.
        if (
          after &&
          error instanceof QueryFailedError &&
          BAD_CURSOR_CODES.has((error.driverError as { code?: string }).code ?? '')
        ) {
          throw badCursor();
        }
        throw error;
      });
    const page = rows.slice(0, limit);
    const views = await this.views.load(page.map((row) => row.id));
    const last = page[page.length - 1];
    return {
      items: views.map((view) => viewFor(caller.id, view)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.updated_key, last.id]) : null,
    };
  }

  async get(caller: AuthenticatedUser, conversationId: string): Promise<ConversationView> {
    await this.access.findForMember(caller, conversationId);
    return viewFor(caller.id, (await this.views.load([conversationId]))[0]!);
  }

  async rename(
    caller: AuthenticatedUser,
    conversationId: string,
    title: string,
  ): Promise<ConversationView> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      const conversation = await this.access.lockForMember(caller, conversationId, tx, 'exclusive');
      if (conversation.kind !== 'group') throw new BadRequestException('Only a group has a title');
      await tx
        .getRepository(Conversation)
        .update({ id: conversationId }, { title, updatedAt: () => 'now()' });
      takeTurn(conversationId);
      // Read under the lock: the title this event carries is the one committed, in commit order.
      const base = (await this.views.load([conversationId], tx))[0]!;
      return {
        result: viewFor(caller.id, base),
        events: () => this.views.announce(base, 'conversation:updated'),
      };
    });
  }

  addMembers(
    caller: AuthenticatedUser,
    conversationId: string,
    input: AddMembersDto,
  ): Promise<ConversationView> {
    return this.members.add(caller, conversationId, input.userIds);
  }

  removeMember(caller: AuthenticatedUser, conversationId: string, userId: string): Promise<void> {
    return this.members.remove(caller, conversationId, userId);
  }

  /** Ids of the conversations a user is in: the rooms their sockets join on connect. */
  async conversationIdsOf(userId: string): Promise<string[]> {
    const rows = await this.db
      .getRepository(ConversationMember)
      .find({ select: { conversationId: true }, where: { userId } });
    return rows.map((row) => row.conversationId);
  }
}
