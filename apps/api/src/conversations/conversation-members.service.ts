import {
  LIMITS,
  NOTE_LIMITS,
  type ConversationView,
  type MemberView,
  type Page,
} from '@mindsp/contracts';
import {
  BadRequestException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { badField } from '../common/bad-request';
import { decodeCursor, encodeCursor } from '../common/pagination';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantDatabase } from '../database/tenant-database';
import { RealtimeService } from '../realtime/realtime.service';
import { RoomMembershipService } from '../realtime/room-membership.service';
import { rooms } from '../realtime/rooms';
import { ConversationAccess } from './conversation-access';
import { ConversationEventOrder } from './conversation-event-order';
import { ConversationIdsCache } from './conversation-ids-cache';
import { ConversationViews } from './conversation-views';
import { ConversationMembersRepository } from './conversation-members.repository';
import { ConversationsRepository } from './conversations.repository';
import { TimelineNotes } from './timeline-notes';
import { viewFor } from './views';

/**
 * Who is in a group. Each change holds the conversation row exclusively, as sends do: the seq a
 * member joined after or left at is exact, and no message slips between the change and its events.
 */
@Injectable()
export class ConversationMembersService {
  constructor(
    private readonly access: ConversationAccess,
    private readonly conversations: ConversationsRepository,
    private readonly members: ConversationMembersRepository,
    private readonly views: ConversationViews,
    private readonly order: ConversationEventOrder,
    private readonly realtime: RealtimeService,
    private readonly membership: RoomMembershipService,
    private readonly idsCache: ConversationIdsCache,
    private readonly tenantDb: TenantDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notes: TimelineNotes,
  ) {}

  /** A group's members by name, a page at a time (a service-wide group has thousands). */
  async page(
    caller: AuthenticatedUser,
    conversationId: string,
    query: { limit?: number; cursor?: string },
  ): Promise<Page<MemberView>> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const after = decodeCursor<[string, string]>(query.cursor, ['string', 'uuid']);
    const rows = await this.tenantDb.transaction(caller.tenantId, async (tx) => {
      await this.access.findForMember(tx, caller, conversationId);
      return this.members.page(tx, conversationId, { limit: limit + 1, after });
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([last.displayName, last.id]) : null,
    };
  }

  /** Refuses a group over GROUP_MAX_MEMBERS (the request is rolled back: nothing added). */
  assertWithinCap(count: number, field = 'userIds') {
    if (count > this.config.groupMaxMembers) {
      throw badField(field, `a group has at most ${this.config.groupMaxMembers} members`);
    }
  }

  async add(
    caller: AuthenticatedUser,
    conversationId: string,
    userIds: string[],
  ): Promise<ConversationView> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      const conversation = await this.access.lockForMember(tx, caller, conversationId, 'exclusive');
      if (conversation.kind !== 'group')
        throw new BadRequestException('People can only be added to a group');
      await this.access.assertSameTenant(tx, caller, userIds);
      await this.conversations.touch(tx, conversationId);
      // New members start with everything read, the note of their arrival included (it takes the
      // next seq: the row is locked), and receipts count them only for what comes after.
      const added = await this.members.addMembers(tx, {
        conversationId,
        userIds,
        lastSeq: conversation.lastSeq + 1,
      });
      const count = await this.members.memberCount(tx, conversationId);
      // The cap holds for the group, not only per request (rolled back, nothing added).
      this.assertWithinCap(count);
      takeTurn(conversationId);
      // Everyone named was already a member: nothing happened, nothing to note.
      const note = added.length
        ? await this.notes.write(tx, {
            conversationId,
            tenantId: caller.tenantId,
            actorId: caller.id,
            note: {
              type: 'added',
              userIds: added.slice(0, NOTE_LIMITS.namesMax),
              count: added.length,
            },
          })
        : null;
      const base = (await this.views.load(tx, [conversationId]))[0]!;
      return {
        result: viewFor(caller.id, base),
        events: () => {
          // Their next handshake joins this room too (a Redis blip: the cache's TTL ends it).
          void this.idsCache.forget(added).catch(() => undefined);
          // Joined before any later event of the conversation is emitted: they miss none.
          this.membership.joinUsers(added, rooms.conversation(conversationId));
          this.views.sendViews(added, base, 'conversation:new');
          if (note) this.realtime.send(rooms.conversation(conversationId), 'message:new', note);
          this.views.announce(base, 'conversation:updated');
        },
      };
    });
  }

  /**
   * Removes a member, or leaves when it is yourself. Others can be removed by the group's creator
   * or an admin. They become a former member: their name and the receipts of their time stay.
   */
  async remove(caller: AuthenticatedUser, conversationId: string, userId: string): Promise<void> {
    await this.order.write(caller.tenantId, async (tx, takeTurn) => {
      const conversation = await this.access.lockForMember(tx, caller, conversationId, 'exclusive');
      if (conversation.kind !== 'group')
        throw new BadRequestException('Nobody can leave a direct conversation');
      if (userId !== caller.id && caller.role !== 'admin' && conversation.createdBy !== caller.id) {
        throw new ForbiddenException(
          'Only the creator of the group or an admin can remove someone',
        );
      }
      const moved = await this.members.moveToFormerMembers(tx, {
        conversationId,
        userId,
        leftAtSeq: conversation.lastSeq,
      });
      if (!moved) throw new NotFoundException('Member not found');
      await this.conversations.touch(tx, conversationId);
      takeTurn(conversationId);
      const note = await this.notes.write(tx, {
        conversationId,
        tenantId: caller.tenantId,
        actorId: caller.id,
        note: userId === caller.id ? { type: 'left' } : { type: 'removed', userId },
      });
      const base = (await this.views.load(tx, [conversationId]))[0]!;
      return {
        result: undefined,
        events: () => {
          void this.idsCache.forget([userId]).catch(() => undefined);
          // Out of the room before any later message is emitted: they hear nothing after leaving.
          this.membership.leaveUsers([userId], rooms.conversation(conversationId));
          this.realtime.send(rooms.user(userId), 'conversation:removed', { conversationId });
          // Their sockets may still be in the room (leaving is not awaited): not to them.
          this.realtime.sendExcept(
            rooms.conversation(conversationId),
            rooms.user(userId),
            'message:new',
            note,
          );
          this.views.announce(base, 'conversation:updated');
        },
      };
    });
  }
}
