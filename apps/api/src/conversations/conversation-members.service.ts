import { MESSAGING_LIMITS, type ConversationView } from '@mindsp/contracts';
import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { badField } from '../common/bad-request';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import { ConversationAccess } from './conversation-access';
import { ConversationEventOrder } from './conversation-event-order';
import { ConversationViews } from './conversation-views';
import { viewFor } from './views';

/**
 * Who is in a group. Each change holds the conversation row exclusively, as sends do: the seq a
 * member joined after or left at is exact, and no message slips between the change and its events.
 */
@Injectable()
export class ConversationMembersService {
  constructor(
    private readonly access: ConversationAccess,
    private readonly views: ConversationViews,
    private readonly order: ConversationEventOrder,
    private readonly realtime: RealtimeService,
  ) {}

  async add(
    caller: AuthenticatedUser,
    conversationId: string,
    userIds: string[],
  ): Promise<ConversationView> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      const conversation = await this.access.lockForMember(caller, conversationId, tx, 'exclusive');
      if (conversation.kind !== 'group')
        throw new BadRequestException('People can only be added to a group');
      await this.access.assertSameTenant(caller, userIds, tx);
      await tx.query(`UPDATE conversations SET updated_at = now() WHERE id = $1`, [conversationId]);
      // New members start with everything read (they were not there to miss it), and receipts
      // count them only for what comes after.
      const rows: { user_id: string }[] = await tx.query(
        `INSERT INTO conversation_members (conversation_id, user_id, last_read_seq, joined_after_seq)
         SELECT $1, u, $3, $3 FROM unnest($2::uuid[]) AS u
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [conversationId, userIds, conversation.lastSeq],
      );
      const added = rows.map((row) => row.user_id);
      // Back as a member: their former time is no longer shown apart.
      await tx.query(
        `DELETE FROM conversation_former_members WHERE conversation_id = $1 AND user_id = ANY($2::uuid[])`,
        [conversationId, added],
      );
      const [{ count }]: { count: number }[] = await tx.query(
        `SELECT count(*)::int AS count FROM conversation_members WHERE conversation_id = $1`,
        [conversationId],
      );
      // The cap holds for the group, not only per request (rolled back, nothing added).
      if (count > MESSAGING_LIMITS.groupMaxMembers) {
        throw badField(
          'userIds',
          `a group has at most ${MESSAGING_LIMITS.groupMaxMembers} members`,
        );
      }
      takeTurn(conversationId);
      const base = (await this.views.load([conversationId], tx))[0]!;
      return {
        result: viewFor(caller.id, base),
        events: () => {
          // Joined before any later event of the conversation is emitted: they miss none.
          void this.realtime.join(added.map(rooms.user), rooms.conversation(conversationId));
          for (const userId of added)
            this.realtime.send(rooms.user(userId), 'conversation:new', viewFor(userId, base));
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
      const conversation = await this.access.lockForMember(caller, conversationId, tx, 'exclusive');
      if (conversation.kind !== 'group')
        throw new BadRequestException('Nobody can leave a direct conversation');
      if (userId !== caller.id && caller.role !== 'admin' && conversation.createdBy !== caller.id) {
        throw new ForbiddenException(
          'Only the creator of the group or an admin can remove someone',
        );
      }
      const moved: unknown[] = await tx.query(
        `WITH removed AS (
           DELETE FROM conversation_members WHERE conversation_id = $1 AND user_id = $2
           RETURNING user_id, joined_after_seq, last_read_seq)
         INSERT INTO conversation_former_members
           (conversation_id, user_id, joined_after_seq, left_at_seq, last_read_seq)
         SELECT $1, user_id, joined_after_seq, $3, last_read_seq FROM removed
         ON CONFLICT (conversation_id, user_id) DO UPDATE SET
           joined_after_seq = EXCLUDED.joined_after_seq, left_at_seq = EXCLUDED.left_at_seq,
           last_read_seq = EXCLUDED.last_read_seq, left_at = now()
         RETURNING user_id`,
        [conversationId, userId, conversation.lastSeq],
      );
      if (!moved.length) throw new NotFoundException('Member not found');
      await tx.query(`UPDATE conversations SET updated_at = now() WHERE id = $1`, [conversationId]);
      takeTurn(conversationId);
      const base = (await this.views.load([conversationId], tx))[0]!;
      return {
        result: undefined,
        events: () => {
          // Out of the room before any later message is emitted: they hear nothing after leaving.
          void this.realtime.leave([rooms.user(userId)], rooms.conversation(conversationId));
          this.realtime.send(rooms.user(userId), 'conversation:removed', { conversationId });
          this.views.announce(base, 'conversation:updated');
        },
      };
    });
  }
}
