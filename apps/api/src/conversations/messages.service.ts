import {
  MESSAGING_LIMITS,
  type MessagePage,
  type MessageView,
  type ReadUpdate,
  type SyncResult,
} from '@mindsp/contracts';
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import { Conversation, ConversationMember } from './conversation.entity';
import { ConversationAccess } from './conversation-access';
import { ConversationEventOrder, type TakeTurn } from './conversation-event-order';
import type { MessageListQueryDto, SendMessageDto } from './dto/messages.dto';
import { Message } from './message.entity';
import { MessageRateLimiter } from './message-rate-limiter';
import { MESSAGE_ROW_COLUMNS, type MessageRow, rowToMessageView, toMessageView } from './views';

/** Thrown inside the send transaction to roll it back (and its seq) when a retry raced the original. */
class DuplicateSend extends Error {}

@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: ConversationAccess,
    private readonly order: ConversationEventOrder,
    private readonly realtime: RealtimeService,
    private readonly rateLimiter: MessageRateLimiter,
  ) {}

  /** The latest page by default; `before` pages back in history, `after` catches up. Ascending seq. */
  async list(
    caller: AuthenticatedUser,
    conversationId: string,
    query: MessageListQueryDto,
  ): Promise<MessagePage> {
    await this.access.findForMember(caller, conversationId);
    const limit = query.limit ?? MESSAGING_LIMITS.messagePageDefault;
    return this.page(conversationId, query, limit);
  }

  /**
   * Sends a message. Its seq is taken in the same transaction as the insert, so seqs are gap-free
   * and strictly increasing. The same clientMessageId again returns the original message.
   */
  async send(
    caller: AuthenticatedUser,
    conversationId: string,
    input: SendMessageDto,
  ): Promise<MessageView> {
    const existing = await this.findRetry(caller, conversationId, input);
    if (existing) return existing;
    await this.rateLimiter.consume(caller.id);
    try {
      return await this.order.write(caller.tenantId, async (tx, takeTurn) => {
        // The row lock on the conversation serialises senders: seq allocation cannot interleave,
        // and the turn taken under it puts message:new events in seq order.
        const [rows]: [{ last_seq: string }[], number] = await tx.query(
          `UPDATE conversations SET last_seq = last_seq + 1, updated_at = now()
           WHERE id = $1 AND tenant_id = $2 RETURNING last_seq`,
          [conversationId, caller.tenantId],
        );
        if (!rows.length) throw new NotFoundException('Conversation not found');
        takeTurn(conversationId);
        const seq = Number(rows[0]!.last_seq);
        // Sending marks the sender's own conversation read. Under the lock, it is also the
        // membership check: a member removed while this send waited has no row left (404).
        const [, member] = await tx.query(
          `UPDATE conversation_members SET last_read_seq = GREATEST(last_read_seq, $3) WHERE conversation_id = $1 AND user_id = $2`,
          [conversationId, caller.id, seq],
        );
        if (!member) throw new NotFoundException('Conversation not found');
        const inserted: MessageRow[] = await tx.query(
          `INSERT INTO messages (conversation_id, seq, sender_id, client_message_id, body)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (sender_id, client_message_id) DO NOTHING
           RETURNING ${MESSAGE_ROW_COLUMNS}`,
          [conversationId, seq, caller.id, input.clientMessageId, input.body],
        );
        // A concurrent retry won the race: roll back (seq included) and answer with its message.
        if (!inserted.length) throw new DuplicateSend();
        const view = rowToMessageView(inserted[0]!);
        return {
          result: view,
          events: () => this.realtime.send(rooms.conversation(conversationId), 'message:new', view),
        };
      });
    } catch (error) {
      if (!(error instanceof DuplicateSend)) throw error;
      return (await this.findRetry(caller, conversationId, input))!;
    }
  }

  /**
   * Edits the caller's own message, unless it is deleted: one conditional statement, so an edit
   * racing a deletion either lands before it (and is then erased) or changes nothing (409).
   */
  async edit(
    caller: AuthenticatedUser,
    conversationId: string,
    messageId: string,
    body: string,
  ): Promise<MessageView> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      await this.access.lockForMember(caller, conversationId, tx, 'shared');
      const [rows]: [MessageRow[], number] = await tx.query(
        `UPDATE messages SET body = $4, edited_at = now()
         WHERE id = $1 AND conversation_id = $2 AND sender_id = $3 AND deleted_at IS NULL
         RETURNING ${MESSAGE_ROW_COLUMNS}`,
        [messageId, conversationId, caller.id, body],
      );
      if (!rows.length) {
        const message = await this.findMessage(tx, conversationId, messageId);
        if (message.senderId !== caller.id)
          throw new ForbiddenException('Only the sender can edit a message');
        throw new ConflictException('This message was deleted');
      }
      return this.committed(takeTurn, 'message:updated', rowToMessageView(rows[0]!));
    });
  }

  /**
   * Deletes for everyone: the message keeps its seq (no gap) and loses its body, in one
   * conditional statement. Sender or admin. Deleting it again answers the deleted message.
   */
  async remove(
    caller: AuthenticatedUser,
    conversationId: string,
    messageId: string,
  ): Promise<MessageView> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      await this.access.lockForMember(caller, conversationId, tx, 'shared');
      const [rows]: [MessageRow[], number] = await tx.query(
        `UPDATE messages SET body = '', deleted_at = now()
         WHERE id = $1 AND conversation_id = $2 AND deleted_at IS NULL
           AND (sender_id = $3 OR $4::boolean)
         RETURNING ${MESSAGE_ROW_COLUMNS}`,
        [messageId, conversationId, caller.id, caller.role === 'admin'],
      );
      if (rows.length)
        return this.committed(takeTurn, 'message:deleted', rowToMessageView(rows[0]!));
      const message = await this.findMessage(tx, conversationId, messageId);
      if (message.senderId !== caller.id && caller.role !== 'admin') {
        throw new ForbiddenException('Only the sender or an admin can delete a message');
      }
      return { result: toMessageView(message) };
    });
  }

  /** Moves the caller's read watermark forward (never back, never past the last message). */
  async markRead(
    caller: AuthenticatedUser,
    conversationId: string,
    seq: number,
  ): Promise<ReadUpdate> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      // The member row's lock orders one member's reads; the watermark only moves forward.
      const [rows, moved] = await tx.query(
        `UPDATE conversation_members m SET last_read_seq = LEAST($3, c.last_seq)
         FROM conversations c
         WHERE c.id = m.conversation_id AND c.tenant_id = $4
           AND m.conversation_id = $1 AND m.user_id = $2
           AND m.last_read_seq < LEAST($3, c.last_seq)
         RETURNING m.last_read_seq`,
        [conversationId, caller.id, seq, caller.tenantId],
      );
      if (!moved) {
        // Already read that far, or not a member (404).
        await this.access.findForMember(caller, conversationId, tx);
        const member = await tx
          .getRepository(ConversationMember)
          .findOneByOrFail({ conversationId, userId: caller.id });
        return { result: { conversationId, userId: caller.id, seq: member.lastReadSeq } };
      }
      takeTurn(conversationId);
      const update: ReadUpdate = {
        conversationId,
        userId: caller.id,
        seq: Number(rows[0].last_read_seq),
      };
      // To every member: the sender's ✓✓, and the reader's other tabs' unread badge.
      return {
        result: update,
        events: () =>
          this.realtime.send(rooms.conversation(conversationId), 'read:updated', update),
      };
    });
  }

  /**
   * Catch-up after a reconnect: what came after the last seq the client holds, per conversation.
   * `cursors` was checked by SyncDto (canonical ids, seqs >= 0, at most 500).
   */
  async sync(caller: AuthenticatedUser, cursors: Record<string, number>): Promise<SyncResult> {
    const ids = Object.keys(cursors);
    const memberOf = ids.length
      ? await this.db
          .getRepository(Conversation)
          .createQueryBuilder('c')
          .innerJoin(ConversationMember, 'm', 'm.conversation_id = c.id AND m.user_id = :userId', {
            userId: caller.id,
          })
          .where({ id: In(ids), tenantId: caller.tenantId })
          .getMany()
      : [];
    const result: SyncResult = { conversations: {} };
    // Conversations the caller is not in are left out, exactly as unknown ones.
    for (const conversation of memberOf) {
      result.conversations[conversation.id] = await this.page(
        conversation.id,
        { after: cursors[conversation.id] },
        MESSAGING_LIMITS.syncPerConversation,
      );
    }
    return result;
  }

  private async page(
    conversationId: string,
    query: { before?: number; after?: number },
    limit: number,
  ): Promise<MessagePage> {
    const qb = this.db
      .getRepository(Message)
      .createQueryBuilder('m')
      .where('m.conversation_id = :conversationId', { conversationId });
    if (query.after !== undefined) {
      // Catch-up reads forward from the cursor.
      qb.andWhere('m.seq > :after', { after: query.after }).orderBy('m.seq', 'ASC');
    } else {
      if (query.before !== undefined) qb.andWhere('m.seq < :before', { before: query.before });
      qb.orderBy('m.seq', 'DESC');
    }
    const rows = await qb.take(limit + 1).getMany();
    const items = rows.slice(0, limit);
    if (query.after === undefined) items.reverse();
    return { items: items.map(toMessageView), hasMore: rows.length > limit };
  }

  /** Takes the turn of a changed message (its row is locked) and emits its event in it. */
  private committed(
    takeTurn: TakeTurn,
    event: 'message:updated' | 'message:deleted',
    view: MessageView,
  ) {
    takeTurn(view.conversationId);
    return {
      result: view,
      events: () => this.realtime.send(rooms.conversation(view.conversationId), event, view),
    };
  }

  private async findMessage(
    tx: EntityManager,
    conversationId: string,
    messageId: string,
  ): Promise<Message> {
    const message = await tx.getRepository(Message).findOneBy({ id: messageId, conversationId });
    if (!message) throw new NotFoundException('Message not found');
    return message;
  }

  /** The original of a retried send; 409 when the id was used for something else. */
  private async findRetry(
    caller: AuthenticatedUser,
    conversationId: string,
    input: SendMessageDto,
  ): Promise<MessageView | null> {
    const original = await this.db
      .getRepository(Message)
      .findOneBy({ senderId: caller.id, clientMessageId: input.clientMessageId });
    if (!original) return null;
    if (original.conversationId !== conversationId || original.body !== input.body) {
      // Another tenant's or conversation's id gives no hint of it: only the sender can match.
      throw new ConflictException('clientMessageId was already used for a different message');
    }
    return toMessageView(original);
  }
}
