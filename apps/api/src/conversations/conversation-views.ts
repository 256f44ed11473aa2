import type { ConversationView, FormerMemberView, MemberView } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import type { Conversation } from './conversation.entity';
import { ConversationsRepository, type PersonRow } from './conversations.repository';
import { toMessageView, viewFor } from './views';

/** A conversation as everyone sees it; `viewFor` adds one member's watermark and unread count. */
export type BaseView = Omit<ConversationView, 'lastReadSeq' | 'unreadCount'>;

/** Loads conversations as their members see them, and pushes them to those members. */
@Injectable()
export class ConversationViews {
  constructor(
    private readonly repository: ConversationsRepository,
    private readonly realtime: RealtimeService,
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
        return {
          id: c.id,
          kind: c.kind,
          title: c.title,
          members: own.filter((p) => p.left_at_seq === null).map(toMemberView),
          formerMembers: own
            .filter((p) => p.left_at_seq !== null)
            .map((p): FormerMemberView => ({
              ...toMemberView(p),
              leftAtSeq: Number(p.left_at_seq),
            })),
          lastMessage: last ? toMessageView(last) : null,
          lastSeq: c.lastSeq,
          updatedAt: c.updatedAt.toISOString(),
        };
      });
  }

  /** Pushes the conversation to each member, with their own watermark and unread count. */
  announce(base: BaseView, event: 'conversation:new' | 'conversation:updated') {
    if (event === 'conversation:new')
      void this.realtime.join(
        base.members.map((m) => rooms.user(m.id)),
        rooms.conversation(base.id),
      );
    for (const member of base.members)
      this.realtime.send(rooms.user(member.id), event, viewFor(member.id, base));
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
