import { LIMITS, type ConversationView, type Page } from '@mindsp/contracts';
import { BadRequestException, Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { badField } from '../common/bad-request';
import { TenantDatabase } from '../database/tenant-database';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import { badCursor, containsPattern, decodeCursor, encodeCursor } from '../common/pagination';
import { ConversationAccess } from './conversation-access';
import { ConversationEventOrder } from './conversation-event-order';
import { ConversationIdsCache } from './conversation-ids-cache';
import { ConversationIdsLoader } from './conversation-ids-loader';
import { ConversationMembersService } from './conversation-members.service';
import { ConversationViews } from './conversation-views';
import { ConversationMembersRepository } from './conversation-members.repository';
import { ConversationsRepository } from './conversations.repository';
import type {
  AddMembersDto,
  ConversationListQueryDto,
  CreateConversationDto,
  MemberListQueryDto,
  MembershipUpdateDto,
} from './dto/conversations.dto';
import { TimelineNotes } from './timeline-notes';
import { viewFor } from './views';

/** PostgreSQL's invalid_text_representation, invalid_datetime_format, datetime_field_overflow. */
const BAD_CURSOR_CODES = new Set(['22P02', '22007', '22008']);

@Injectable()
export class ConversationsService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly repository: ConversationsRepository,
    private readonly memberRows: ConversationMembersRepository,
    private readonly access: ConversationAccess,
    private readonly views: ConversationViews,
    private readonly order: ConversationEventOrder,
    private readonly members: ConversationMembersService,
    private readonly idsCache: ConversationIdsCache,
    private readonly idsLoader: ConversationIdsLoader,
    private readonly notes: TimelineNotes,
    private readonly realtime: RealtimeService,
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
    this.members.assertWithinCap(others.length + 1, 'memberIds');
    const directKey = input.kind === 'direct' ? [caller.id, others[0]].sort().join(':') : null;
    return this.order.write<{ view: ConversationView; created: boolean }>(
      caller.tenantId,
      async (tx, takeTurn) => {
        await this.access.assertSameTenant(tx, caller, others, 'memberIds');
        const id = await this.repository.insert(tx, {
          tenantId: caller.tenantId,
          kind: input.kind,
          title: input.kind === 'group' ? (input.title ?? null) : null,
          directKey,
          createdBy: caller.id,
        });
        if (!id) {
          // One direct conversation per pair: asking again returns the one that exists.
          const existing = await this.repository.findDirect(tx, caller.tenantId, directKey!);
          const base = (await this.views.load(tx, [existing.id]))[0]!;
          return { result: { view: viewFor(caller.id, base), created: false } };
        }
        takeTurn(id);
        await this.memberRows.insertFoundingMembers(tx, id, [caller.id, ...others]);
        const base = (await this.views.load(tx, [id]))[0]!;
        return {
          result: { view: viewFor(caller.id, base), created: true },
          events: () => this.views.announce(base, 'conversation:new'),
        };
      },
    );
  }

  async list(
    caller: AuthenticatedUser,
    query: ConversationListQueryDto,
  ): Promise<Page<ConversationView>> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const after = decodeCursor<[string, string]>(query.cursor, ['timestamp', 'uuid']) ?? undefined;
    const q = query.q?.trim();
    const { rows, views } = await this.tenantDb
      .transaction(caller.tenantId, async (tx) => {
        const rows = await this.repository.list(tx, {
          userId: caller.id,
          tenantId: caller.tenantId,
          limit: limit + 1,
          pattern: q ? containsPattern(q) : undefined,
          after,
          archived: query.archived === true,
        });
        const views = await this.views.load(
          tx,
          rows.slice(0, limit).map((row) => row.id),
        );
        return { rows, views };
      })
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
    const last = rows[Math.min(rows.length, limit) - 1];
    return {
      items: views.map((view) => viewFor(caller.id, view)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.updated_key, last.id]) : null,
    };
  }

  get(caller: AuthenticatedUser, conversationId: string): Promise<ConversationView> {
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      await this.access.findForMember(tx, caller, conversationId);
      return viewFor(caller.id, (await this.views.load(tx, [conversationId]))[0]!);
    });
  }

  async rename(
    caller: AuthenticatedUser,
    conversationId: string,
    title: string,
  ): Promise<ConversationView> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      const conversation = await this.access.lockForMember(tx, caller, conversationId, 'exclusive');
      if (conversation.kind !== 'group') throw new BadRequestException('Only a group has a title');
      await this.repository.rename(tx, conversationId, title);
      takeTurn(conversationId);
      const note = await this.notes.write(tx, {
        conversationId,
        tenantId: caller.tenantId,
        actorId: caller.id,
        note: { type: 'renamed', title },
      });
      // Read under the lock: the title this event carries is the one committed, in commit order.
      const base = (await this.views.load(tx, [conversationId]))[0]!;
      return {
        result: viewFor(caller.id, base),
        events: () => {
          this.realtime.send(rooms.conversation(conversationId), 'message:new', note);
          this.views.announce(base, 'conversation:updated');
        },
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

  memberPage(caller: AuthenticatedUser, conversationId: string, query: MemberListQueryDto) {
    return this.members.page(caller, conversationId, query);
  }

  removeMember(caller: AuthenticatedUser, conversationId: string, userId: string): Promise<void> {
    return this.members.remove(caller, conversationId, userId);
  }

  /**
   * The caller's own state of the conversation (muted, archived). Their other tabs hear of it;
   * the other members see nothing of it.
   */
  async updateMembership(
    caller: AuthenticatedUser,
    conversationId: string,
    input: MembershipUpdateDto,
  ): Promise<ConversationView> {
    const view = await this.tenantDb.transaction(caller.tenantId, async (tx) => {
      await this.access.findForMember(tx, caller, conversationId);
      await this.memberRows.updateState(tx, { conversationId, userId: caller.id }, input);
      return viewFor(caller.id, (await this.views.load(tx, [conversationId]))[0]!);
    });
    // Once committed: a tab that hears it and reloads finds the same.
    this.views.announceTo(caller.id, view);
    return view;
  }

  /** Ids of the conversations a user is in: the rooms their sockets join on connect (cached). */
  conversationIdsOf(user: Pick<AuthenticatedUser, 'id' | 'tenantId'>): Promise<string[]> {
    return this.idsCache.idsOf(user.id, (userId) => this.idsLoader.load(user.tenantId, userId));
  }
}
