import { LIMITS, MESSAGING_LIMITS, type ConversationView, type Page } from '@mindsp/contracts';
import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { badCursor, containsPattern, decodeCursor, encodeCursor } from '../common/pagination';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import { User } from '../users/user.entity';
import { Conversation, ConversationMember } from './conversation.entity';
import type {
  AddMembersDto,
  ConversationListQueryDto,
  CreateConversationDto,
} from './dto/conversations.dto';
import { Message } from './message.entity';
import { conversationListSql } from './conversation-list.sql';
import { toMessageView, viewFor } from './views';

type BaseView = Omit<ConversationView, 'lastReadSeq' | 'unreadCount'>;

/** PostgreSQL's invalid_text_representation, invalid_datetime_format, datetime_field_overflow. */
const BAD_CURSOR_CODES = new Set(['22P02', '22007', '22008']);

@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly realtime: RealtimeService,
  ) {}

  /**
   * The conversation if the caller is a member of it, in their tenant; 404 otherwise, exactly as
   * if it did not exist. Every conversation-scoped action starts here.
   */
  async findForMember(
    caller: AuthenticatedUser,
    conversationId: string,
    db: EntityManager = this.db.manager,
  ): Promise<Conversation> {
    const conversation = await db
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .innerJoin(ConversationMember, 'm', 'm.conversation_id = c.id AND m.user_id = :userId', {
        userId: caller.id,
      })
      .where('c.id = :conversationId AND c.tenant_id = :tenantId', {
        conversationId,
        tenantId: caller.tenantId,
      })
      .getOne();
    if (!conversation) throw new NotFoundException('Conversation not found');
    return conversation;
  }

  async create(
    caller: AuthenticatedUser,
    input: CreateConversationDto,
  ): Promise<{ view: ConversationView; created: boolean }> {
    const others = [...new Set(input.memberIds)].filter((id) => id !== caller.id);
    if (input.kind === 'direct' && (others.length !== 1 || input.memberIds.length !== 1)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: ['a direct conversation has exactly one other member'],
        fields: { memberIds: ['a direct conversation has exactly one other member'] },
      });
    }
    if (others.length === 0) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: ['memberIds must name someone other than you'],
        fields: { memberIds: ['memberIds must name someone other than you'] },
      });
    }
    await this.assertSameTenant(caller, others);

    const { conversationId, created } = await this.db.transaction(async (tx) => {
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
        return { conversationId: existing.id, created: false };
      }
      const id = inserted[0]!.id;
      await tx
        .getRepository(ConversationMember)
        .insert(
          [caller.id, ...others].map((userId) => ({ conversationId: id, userId, lastReadSeq: 0 })),
        );
      return { conversationId: id, created: true };
    });

    const base = (await this.baseViews([conversationId]))[0]!;
    if (created) await this.announce(base, 'conversation:new');
    return { view: viewFor(caller.id, base), created };
  }

  async list(
    caller: AuthenticatedUser,
    query: ConversationListQueryDto,
  ): Promise<Page<ConversationView>> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const after = decodeCursor<[string, string]>(query.cursor, ['string', 'uuid']);
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
    const views = await this.baseViews(page.map((row) => row.id));
    const last = page[page.length - 1];
    return {
      items: views.map((view) => viewFor(caller.id, view)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.updated_key, last.id]) : null,
    };
  }

  async get(caller: AuthenticatedUser, conversationId: string): Promise<ConversationView> {
    await this.findForMember(caller, conversationId);
    return viewFor(caller.id, (await this.baseViews([conversationId]))[0]!);
  }

  async rename(
    caller: AuthenticatedUser,
    conversationId: string,
    title: string,
  ): Promise<ConversationView> {
    const conversation = await this.findForMember(caller, conversationId);
    if (conversation.kind !== 'group') throw new BadRequestException('Only a group has a title');
    await this.db
      .getRepository(Conversation)
      .update({ id: conversationId }, { title, updatedAt: () => 'now()' });
    return this.announceUpdate(caller, conversationId);
  }

  async addMembers(
    caller: AuthenticatedUser,
    conversationId: string,
    input: AddMembersDto,
  ): Promise<ConversationView> {
    const conversation = await this.findForMember(caller, conversationId);
    if (conversation.kind !== 'group')
      throw new BadRequestException('People can only be added to a group');
    await this.assertSameTenant(caller, input.userIds);
    const added = await this.db.transaction(async (tx) => {
      // First, so that the row lock serialises concurrent additions to this group.
      await tx
        .getRepository(Conversation)
        .update({ id: conversationId }, { updatedAt: () => 'now()' });
      // New members start with everything read: they were not there to miss it.
      const rows: { user_id: string }[] = await tx.query(
        `INSERT INTO conversation_members (conversation_id, user_id, last_read_seq)
         SELECT $1, u, c.last_seq FROM unnest($2::uuid[]) AS u, conversations c WHERE c.id = $1
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [conversationId, input.userIds],
      );
      const [{ count }]: { count: number }[] = await tx.query(
        `SELECT count(*)::int AS count FROM conversation_members WHERE conversation_id = $1`,
        [conversationId],
      );
      // The cap holds for the group, not only per request (rolled back, nothing added).
      if (count > MESSAGING_LIMITS.groupMaxMembers) {
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: [`a group has at most ${MESSAGING_LIMITS.groupMaxMembers} members`],
          fields: { userIds: [`a group has at most ${MESSAGING_LIMITS.groupMaxMembers} members`] },
        });
      }
      return rows.map((row) => row.user_id);
    });
    const base = (await this.baseViews([conversationId]))[0]!;
    await this.realtime.join(added.map(rooms.user), rooms.conversation(conversationId));
    for (const userId of added)
      this.realtime.send(rooms.user(userId), 'conversation:new', viewFor(userId, base));
    return this.announceUpdate(caller, conversationId, base);
  }

  /** Removes a member, or leaves when it is yourself. Others can be removed by the group's creator or an admin. */
  async removeMember(
    caller: AuthenticatedUser,
    conversationId: string,
    userId: string,
  ): Promise<void> {
    const conversation = await this.findForMember(caller, conversationId);
    if (conversation.kind !== 'group')
      throw new BadRequestException('Nobody can leave a direct conversation');
    if (userId !== caller.id && caller.role !== 'admin' && conversation.createdBy !== caller.id) {
      throw new ForbiddenException('Only the creator of the group or an admin can remove someone');
    }
    const result = await this.db
      .getRepository(ConversationMember)
      .delete({ conversationId, userId });
    if (!result.affected) throw new NotFoundException('Member not found');
    await this.db
      .getRepository(Conversation)
      .update({ id: conversationId }, { updatedAt: () => 'now()' });
    await this.realtime.leave([rooms.user(userId)], rooms.conversation(conversationId));
    this.realtime.send(rooms.user(userId), 'conversation:removed', { conversationId });
    const base = (await this.baseViews([conversationId]))[0];
    if (base) await this.announce(base, 'conversation:updated');
  }

  /** Ids of the conversations a user is in: the rooms their sockets join on connect. */
  async conversationIdsOf(userId: string): Promise<string[]> {
    const rows = await this.db
      .getRepository(ConversationMember)
      .find({ select: { conversationId: true }, where: { userId } });
    return rows.map((row) => row.conversationId);
  }

  /** Pushes the conversation to each member, with their own watermark and unread count. */
  async announce(base: BaseView, event: 'conversation:new' | 'conversation:updated') {
    if (event === 'conversation:new')
      await this.realtime.join(
        base.members.map((m) => rooms.user(m.id)),
        rooms.conversation(base.id),
      );
    for (const member of base.members)
      this.realtime.send(rooms.user(member.id), event, viewFor(member.id, base));
  }

  private async announceUpdate(
    caller: AuthenticatedUser,
    conversationId: string,
    base?: BaseView,
  ): Promise<ConversationView> {
    const view = base ?? (await this.baseViews([conversationId]))[0]!;
    await this.announce(view, 'conversation:updated');
    return viewFor(caller.id, view);
  }

  private async assertSameTenant(caller: AuthenticatedUser, userIds: string[]) {
    const found = await this.db
      .getRepository(User)
      .count({ where: { id: In(userIds), tenantId: caller.tenantId } });
    // Unknown ids and ids of another tenant get the same answer.
    if (found !== new Set(userIds).size) throw new NotFoundException('User not found');
  }

  /** Conversations with members and last message, in the order of `ids`. Three queries per page. */
  async baseViews(ids: string[]): Promise<BaseView[]> {
    if (!ids.length) return [];
    const [conversations, members, lastMessages] = await Promise.all([
      this.db.getRepository(Conversation).findBy({ id: In(ids) }),
      this.db.query(
        `SELECT m.conversation_id, m.user_id, m.last_read_seq, u.display_name
         FROM conversation_members m JOIN users u ON u.id = m.user_id
         WHERE m.conversation_id = ANY($1) ORDER BY u.display_name, u.id`,
        [ids],
      ) as Promise<
        { conversation_id: string; user_id: string; last_read_seq: string; display_name: string }[]
      >,
      this.db
        .getRepository(Message)
        .createQueryBuilder('m')
        .innerJoin(Conversation, 'c', 'c.id = m.conversation_id AND m.seq = c.last_seq')
        .where('c.id IN (:...ids)', { ids })
        .getMany(),
    ]);
    const byId = new Map(conversations.map((c) => [c.id, c]));
    return ids
      .map((id) => byId.get(id))
      .filter((c): c is Conversation => Boolean(c))
      .map((c) => {
        const last = lastMessages.find((m) => m.conversationId === c.id);
        return {
          id: c.id,
          kind: c.kind,
          title: c.title,
          members: members
            .filter((m) => m.conversation_id === c.id)
            .map((m) => ({
              id: m.user_id,
              displayName: m.display_name,
              lastReadSeq: Number(m.last_read_seq),
              // Until former members are tracked (issue 6.7), everyone counts from the start.
              joinedAfterSeq: 0,
            })),
          formerMembers: [],
          lastMessage: last ? toMessageView(last) : null,
          lastSeq: c.lastSeq,
          updatedAt: c.updatedAt.toISOString(),
        };
      });
  }
}
