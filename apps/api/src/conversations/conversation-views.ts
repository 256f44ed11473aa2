import type { ConversationView, FormerMemberView, MemberView } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import { Conversation } from './conversation.entity';
import { Message } from './message.entity';
import { toMessageView, viewFor } from './views';

/** A conversation as everyone sees it; `viewFor` adds one member's watermark and unread count. */
export type BaseView = Omit<ConversationView, 'lastReadSeq' | 'unreadCount'>;

interface PersonRow {
  conversation_id: string;
  user_id: string;
  display_name: string;
  last_read_seq: string;
  joined_after_seq: string;
  /** Null for current members. */
  left_at_seq: string | null;
}

/** Loads conversations as their members see them, and pushes them to those members. */
@Injectable()
export class ConversationViews {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly realtime: RealtimeService,
  ) {}

  /**
   * Conversations with members, former members and last message, in the order of `ids`. Three
   * queries per page. Pass the transaction of a write to describe exactly what it commits.
   */
  async load(ids: string[], db: EntityManager = this.db.manager): Promise<BaseView[]> {
    if (!ids.length) return [];
    const loadConversations = () => db.getRepository(Conversation).findBy({ id: In(ids) });
    const loadPeople = (): Promise<PersonRow[]> =>
      db.query(
        `SELECT m.conversation_id, m.user_id, u.display_name, m.last_read_seq, m.joined_after_seq,
                NULL::bigint AS left_at_seq
         FROM conversation_members m JOIN users u ON u.id = m.user_id
         WHERE m.conversation_id = ANY($1)
         UNION ALL
         SELECT f.conversation_id, f.user_id, u.display_name, f.last_read_seq, f.joined_after_seq,
                f.left_at_seq
         FROM conversation_former_members f JOIN users u ON u.id = f.user_id
         WHERE f.conversation_id = ANY($1)
         ORDER BY display_name, user_id`,
        [ids],
      );
    const loadLastMessages = () =>
      db
        .getRepository(Message)
        .createQueryBuilder('m')
        .innerJoin(Conversation, 'c', 'c.id = m.conversation_id AND m.seq = c.last_seq')
        .where('c.id IN (:...ids)', { ids })
        .getMany();
    // A transaction is one connection, which runs one query at a time.
    const [conversations, people, lastMessages] = db.queryRunner
      ? [await loadConversations(), await loadPeople(), await loadLastMessages()]
      : await Promise.all([loadConversations(), loadPeople(), loadLastMessages()]);
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
