import { mentionsIn, type MessageView, type ReadUpdate } from '@mindsp/contracts';
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { OutboxRepository } from '../outbox/outbox.repository';
import { AttachmentsService } from '../files/attachments.service';
import type { StoredKeys } from '../files/attachments.repository';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import { TenantDatabase } from '../database/tenant-database';
import { ConversationAccess } from './conversation-access';
import { ConversationEventOrder, type TakeTurn } from './conversation-event-order';
import type { SendMessageDto } from './dto/messages.dto';
import { ConversationMembersRepository } from './conversation-members.repository';
import type { Message } from './message.entity';
import { MessagesRepository } from './messages.repository';
import { MessageRateLimiterService } from './message-rate-limiter.service';
import { MessageDetailsService } from './message-details.service';
import { MessageRulesService } from './message-rules.service';

const hasMentions = (body: string) => {
  const { userIds, everyone } = mentionsIn(body);
  return everyone || userIds.length > 0;
};

/** Thrown inside the send transaction to roll it back (and its seq) when a retry raced the original. */
class DuplicateSend extends Error {}

@Injectable()
export class MessagesService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly messages: MessagesRepository,
    private readonly members: ConversationMembersRepository,
    private readonly access: ConversationAccess,
    private readonly order: ConversationEventOrder,
    private readonly realtime: RealtimeService,
    private readonly rateLimiter: MessageRateLimiterService,
    private readonly attachments: AttachmentsService,
    private readonly details: MessageDetailsService,
    private readonly rules: MessageRulesService,
    private readonly outbox: OutboxRepository,
  ) {}

  /**
   * Sends a message. Its seq is taken in the same transaction as the insert, so seqs are gap-free
   * and strictly increasing. The same clientMessageId again returns the original message.
   */
  async send(
    caller: AuthenticatedUser,
    conversationId: string,
    input: SendMessageDto,
  ): Promise<MessageView> {
    // Counted before any connection is taken; a retry over the limit still gets its original.
    const refused = await this.rateLimiter.consume(caller.id).then(
      () => null,
      (error: unknown) => error,
    );
    if (refused) {
      const original = await this.tenantDb.transaction(caller.tenantId, (tx) =>
        this.findRetry(tx, caller, conversationId, input),
      );
      if (original) return original;
      throw refused;
    }
    try {
      return await this.order.write(caller.tenantId, async (tx, takeTurn) => {
        await this.rules.checkSend(tx, caller, conversationId, input);
        const sent = await this.messages.send(tx, {
          conversationId,
          tenantId: caller.tenantId,
          senderId: caller.id,
          clientMessageId: input.clientMessageId,
          body: input.body,
          replyToId: input.replyToId ?? null,
        });
        // The statement held the conversation's row lock: senders are serialised, seq allocation
        // cannot interleave, and the turn taken under it puts message:new events in seq order.
        takeTurn(conversationId);
        // No member row under the lock: not a member, or removed while this send waited (404).
        if ('missing' in sent) throw new NotFoundException('Conversation not found');
        // A retry (or a concurrent one that won the race): roll back, seq included, and answer
        // with the original.
        if ('duplicate' in sent) throw new DuplicateSend();
        const message = sent.stored;
        // What the send means to others (notifications) is theirs to decide: the event is relayed
        // to them once this commits, even if Redis is away right now. Nothing here asks Redis
        // while the row lock is held.
        await this.outbox.publish(tx, 'message.sent', message.id, {
          tenantId: caller.tenantId,
          conversationId,
          messageId: message.id,
          senderId: caller.id,
          seq: message.seq,
          mentions: hasMentions(message.body),
        });
        if (input.attachmentIds?.length) {
          message.attachments = await this.attachments.claim(tx, {
            ids: input.attachmentIds,
            conversationId,
            senderId: caller.id,
            messageId: message.id,
          });
        }
        const view = await this.details.sent(tx, message);
        return {
          result: view,
          events: () => this.realtime.send(rooms.conversation(conversationId), 'message:new', view),
        };
      });
    } catch (error) {
      if (!(error instanceof DuplicateSend)) throw error;
      // A retry is not counted against the sender's rate.
      await this.rateLimiter.refund(caller.id);
      return (await this.tenantDb.transaction(caller.tenantId, (tx) =>
        this.findRetry(tx, caller, conversationId, input),
      ))!;
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
      const changeSeq = await this.access.changeForMember(tx, caller, conversationId);
      await this.rules.checkMentionOfEveryone(tx, caller, conversationId, body);
      const edited = await this.messages.edit(tx, {
        messageId,
        conversationId,
        senderId: caller.id,
        body,
        changeSeq,
      });
      if (!edited) {
        const message = await this.findMessage(tx, conversationId, messageId);
        if (message.senderId !== caller.id)
          throw new ForbiddenException('Only the sender can edit a message');
        throw new ConflictException('This message was deleted');
      }
      return this.committed(takeTurn, 'message:updated', await this.details.view(tx, edited));
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
    // Its files go with it: rows in the same transaction, bytes once that commits.
    let files: StoredKeys[] = [];
    const result = await this.order.write(caller.tenantId, async (tx, takeTurn) => {
      const changeSeq = await this.access.changeForMember(tx, caller, conversationId);
      const erased = await this.messages.erase(tx, {
        messageId,
        conversationId,
        userId: caller.id,
        asAdmin: caller.role === 'admin',
        changeSeq,
      });
      if (erased) {
        files = await this.attachments.detach(tx, messageId);
        return this.committed(takeTurn, 'message:deleted', await this.details.view(tx, erased));
      }
      const message = await this.findMessage(tx, conversationId, messageId);
      if (message.senderId !== caller.id && caller.role !== 'admin') {
        throw new ForbiddenException('Only the sender or an admin can delete a message');
      }
      return { result: await this.details.view(tx, message) };
    });
    await this.attachments.discardNow(files);
    return result;
  }

  /** Moves the caller's read watermark forward (never back, never past the last message). */
  async markRead(
    caller: AuthenticatedUser,
    conversationId: string,
    seq: number,
  ): Promise<ReadUpdate> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      // The member row's lock orders one member's reads; the watermark only moves forward.
      const moved = await this.members.moveReadWatermark(tx, {
        conversationId,
        userId: caller.id,
        tenantId: caller.tenantId,
        seq,
      });
      if (!moved) {
        // Already read that far, or not a member (404).
        await this.access.findForMember(tx, caller, conversationId);
        const member = await this.members.findMember(tx, conversationId, caller.id);
        return { result: { conversationId, userId: caller.id, seq: member.lastReadSeq } };
      }
      takeTurn(conversationId);
      const update: ReadUpdate = { conversationId, userId: caller.id, seq: moved.lastReadSeq };
      // What reading means elsewhere (the conversation's notifications read) is for others to
      // decide, once this commits.
      await this.outbox.publish(
        tx,
        'conversation.read',
        `${conversationId}-${caller.id}-${update.seq}`,
        {
          tenantId: caller.tenantId,
          ...update,
        },
      );
      // To every member: the sender's ✓✓, and the reader's other tabs' unread badge.
      return {
        result: update,
        events: () =>
          this.realtime.send(rooms.conversation(conversationId), 'read:updated', update),
      };
    });
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
    const message = await this.messages.find(tx, conversationId, messageId);
    if (!message) throw new NotFoundException('Message not found');
    return message;
  }

  /** The original of a retried send; 409 when the id was used for something else. */
  private async findRetry(
    tx: EntityManager,
    caller: AuthenticatedUser,
    conversationId: string,
    input: SendMessageDto,
  ): Promise<MessageView | null> {
    const original = await this.messages.findSent(tx, caller.id, input.clientMessageId);
    if (!original) return null;
    if (original.conversationId !== conversationId || original.body !== input.body) {
      // Another tenant's or conversation's id gives no hint of it: only the sender can match.
      throw new ConflictException('clientMessageId was already used for a different message');
    }
    return this.details.view(tx, original);
  }
}
