import type { MessageView } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Message } from './message.entity';
import { MessageStateRepository } from './message-state.repository';
import { toMessageView } from './views';

/**
 * Messages as members see them in a history, a sync, a live event or the pinned list: with their
 * reactions. Every view of a message that replaces a client's copy must come through here, or
 * the copy would lose its reactions.
 */
@Injectable()
export class MessageDetails {
  constructor(private readonly state: MessageStateRepository) {}

  async views(tx: EntityManager, messages: Message[]): Promise<MessageView[]> {
    const live = messages.filter((m) => !m.deletedAt).map((m) => m.id);
    const reactions = await this.state.reactionsOf(tx, live);
    // A deleted message shows nothing of what it had: no body, no reactions, no pin.
    return messages.map((m) => ({ ...toMessageView(m), reactions: reactions.get(m.id) ?? [] }));
  }

  async view(tx: EntityManager, message: Message): Promise<MessageView> {
    return (await this.views(tx, [message]))[0]!;
  }
}
