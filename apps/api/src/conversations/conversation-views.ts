import {
  MESSAGING_LIMITS,
  type ConversationView,
  type FormerMemberView,
  type MemberView,
} from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RealtimeService } from '../realtime/realtime.service';
import { RoomMembershipService } from '../realtime/room-membership.service';
import { rooms } from '../realtime/rooms';
import type { Conversation } from './conversation.entity';
import { ConversationIdsCache } from './conversation-ids-cache';
import { ConversationsRepository, type PersonRow } from './conversations.repository';
import { toMessageView, viewFor, type BaseView } from './views';

export type { BaseView } from './views';

/** Loads conversations as their members see them, and pushes them to those members. */
@Injectable()
export class ConversationViews {
  constructor(
    private readonly repository: ConversationsRepository,
    private readonly realtime: RealtimeService,
    private readonly membership: RoomMembershipService,
    private readonly idsCache: ConversationIdsCache,
  ) {}

  /** Conversations with members, former members and last message, in the order of `ids`. */
  async load(tx: EntityManager, ids: string[]): Promise<BaseView[]> {
    if (!ids.length) return [];
    const { conversations, people, lastMessages } = await this.repository.viewRows(tx, ids);
    const byId = new Map(conversations.map((c) => [c.id, c]));
    return ids
      .map((id) => byId.get(id))
      .filter((c): c is Conversation => Boolean(c))
      .map((c) => {
        const last = lastMessages.find((m) => m.conversationId === c.id);
        const own = people.filter((p) => p.conversation_id === c.id);
        const members = own.filter((p) => p.left_at_seq === null);
        return {
          id: c.id,
          kind: c.kind,
          title: c.title,
          // By name: a large group's view carries its first page; the members route pages on.
          members: members.slice(0, MESSAGING_LIMITS.membersInView).map(toMemberView),
          memberCount: members.length,
          readSeqs: new Map(members.map((p) => [p.user_id, Number(p.last_read_seq)])),
          memberStates: new Map(
            members.map((p) => [p.user_id, { muted: p.muted, archived: p.archived }]),
          ),
          formerMembers: own
            .filter((p) => p.left_at_seq !== null)
            .map((p): FormerMemberView => ({
              ...toMemberView(p),
              leftAtSeq: Number(p.left_at_seq),
            })),
          lastMessage: last ? toMessageView(last) : null,
          lastSeq: c.lastSeq,
          createdBy: c.createdBy,
          updatedAt: c.updatedAt.toISOString(),
        };
      });
  }

  /** One member's own change (muted, archived) to their other tabs. */
  announceTo(userId: string, view: ConversationView) {
    this.realtime.send(rooms.user(userId), 'conversation:updated', view);
  }

  /** Pushes the conversation to each member, with their own watermark and unread count. */
  announce(base: BaseView, event: 'conversation:new' | 'conversation:updated') {
    const memberIds = [...base.readSeqs.keys()];
    if (event === 'conversation:new') {
      void this.idsCache.forget(memberIds).catch(() => undefined);
      this.membership.joinUsers(memberIds, rooms.conversation(base.id));
    }
    this.sendViews(memberIds, base, event);
  }

  /**
   * Each of `userIds` gets the conversation as they see it, one emit per distinct view: members who
   * read as far and chose the same mute and archive share it. One view per member of a 5,000-member
   * group (its first 200 members included) was 100 MB through the adapter for a single change.
   */
  sendViews(userIds: string[], base: BaseView, event: 'conversation:new' | 'conversation:updated') {
    const alike = new Map<string, string[]>();
    for (const userId of userIds) {
      const state = base.memberStates?.get(userId);
      const key = `${base.readSeqs.get(userId)}:${state?.muted}:${state?.archived}`;
      const group = alike.get(key);
      if (group) group.push(userId);
      else alike.set(key, [userId]);
    }
    for (const ids of alike.values())
      this.realtime.send(ids.map(rooms.user), event, viewFor(ids[0]!, base));
  }
}

function toMemberView(row: PersonRow): MemberView {
  return {
    id: row.user_id,
    displayName: row.display_name,
    lastReadSeq: Number(row.last_read_seq),
    joinedAfterSeq: Number(row.joined_after_seq),
  };
}
