import { REACTION_LIMITS, type MessageView } from '@mindsp/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { TenantDatabase } from '../database/tenant-database';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import { ConversationAccess } from './conversation-access';
import { ConversationEventOrder } from './conversation-event-order';
import { ConversationsRepository } from './conversations.repository';
import type { Message } from './message.entity';
import { MessageDetailsService } from './message-details.service';
import { MessageStateRepository } from './message-state.repository';
import { MessagesRepository } from './messages.repository';

/**
 * Reactions and pins. Each change is a new version of its message: it takes the conversation's
 * next change number (under the conversation row's lock, like an edit), so members online hear
 * `message:updated` and a member who was away gets the message again from `sync`. Asking for the
 * state a message is already in (the same reaction twice) answers it as it is: no new version.
 */
@Injectable()
export class MessageStateService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly access: ConversationAccess,
    private readonly order: ConversationEventOrder,
    private readonly realtime: RealtimeService,
    private readonly messages: MessagesRepository,
    private readonly conversations: ConversationsRepository,
    private readonly state: MessageStateRepository,
    private readonly details: MessageDetailsService,
  ) {}

  /**
   * Adds (`reacted`) or takes back the caller's reaction. Idempotent: asking for the state the
   * message is already in answers it as it is, without a new version.
   */
  async react(
    caller: AuthenticatedUser,
    conversationId: string,
    messageId: string,
    emoji: string,
    reacted: boolean,
  ): Promise<MessageView> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      // The conversation row first, as every write (see ConversationAccess.lockForMember).
      await this.access.lockForMember(tx, caller, conversationId, 'exclusive');
      const message = await this.findLive(tx, conversationId, messageId);
      const changed = reacted
        ? await this.addReaction(tx, message, caller.id, emoji)
        : await this.state.removeReaction(tx, { messageId, userId: caller.id, emoji });
      // Nothing changed: no new version, the change counter stays where it is.
      if (!changed) return { result: await this.details.view(tx, message) };
      const changeSeq = await this.conversations.nextChange(tx, {
        conversationId,
        tenantId: caller.tenantId,
      });
      const updated = await this.state.markChanged(tx, {
        messageId,
        conversationId,
        changeSeq: changeSeq!,
      });
      return this.committed(tx, takeTurn, updated!);
    });
  }

  /** Pins or unpins a message for every member. Idempotent like a reaction. */
  async pin(
    caller: AuthenticatedUser,
    conversationId: string,
    messageId: string,
    pinned: boolean,
  ): Promise<MessageView> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      await this.access.lockForMember(tx, caller, conversationId, 'exclusive');
      const message = await this.findLive(tx, conversationId, messageId);
      // Already in that state: no new version, the change counter stays where it is.
      if (Boolean(message.pinnedAt) === pinned)
        return { result: await this.details.view(tx, message) };
      const changeSeq = await this.conversations.nextChange(tx, {
        conversationId,
        tenantId: caller.tenantId,
      });
      const updated = await this.state.setPinned(tx, {
        messageId,
        conversationId,
        userId: caller.id,
        pinned,
        changeSeq: changeSeq!,
      });
      return this.committed(tx, takeTurn, updated!);
    });
  }

  /** The conversation's pinned messages, latest pin first. */
  pinned(caller: AuthenticatedUser, conversationId: string): Promise<MessageView[]> {
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      await this.access.findForMember(tx, caller, conversationId);
      return this.details.views(tx, await this.state.pinned(tx, conversationId));
    });
  }

  private async addReaction(
    tx: EntityManager,
    message: Message,
    userId: string,
    emoji: string,
  ): Promise<boolean> {
    const added = await this.state.addReaction(tx, {
      messageId: message.id,
      conversationId: message.conversationId,
      userId,
      emoji,
    });
    // Checked after the insert, under the conversation's lock: no two reactions race past it.
    if (added && (await this.state.emojiCount(tx, message.id)) > REACTION_LIMITS.emojisPerMessage)
      throw new ConflictException(
        `A message has at most ${REACTION_LIMITS.emojisPerMessage} different reactions`,
      );
    return added;
  }

  /** The message, in this conversation; 404 when not there, 409 when deleted or a note. */
  private async findLive(
    tx: EntityManager,
    conversationId: string,
    messageId: string,
  ): Promise<Message> {
    const message = await this.messages.find(tx, conversationId, messageId);
    if (!message) throw new NotFoundException('Message not found');
    if (message.deletedAt) throw new ConflictException('This message was deleted');
    if (message.note) throw new ConflictException('A timeline note takes no reaction or pin');
    return message;
  }

  private async committed(
    tx: EntityManager,
    takeTurn: (conversationId: string) => void,
    message: Message,
  ) {
    takeTurn(message.conversationId);
    const view = await this.details.view(tx, message);
    return {
      result: view,
      events: () =>
        this.realtime.send(rooms.conversation(view.conversationId), 'message:updated', view),
    };
  }
}
