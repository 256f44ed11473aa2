import type { MessageView } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Message } from './message.entity';
import { MessageStateRepository } from './message-state.repository';
import { MessagesRepository } from './messages.repository';
import { toMessageViews } from './views';

/**
 * Messages as members see them in a history, a sync, a live event or the pinned list: with their
 * reactions, and each reply with the quote of its original as it is now. Every view of a message
 * that replaces a client's copy must come through here, or the copy would lose them.
 */
@Injectable()
export class MessageDetailsService {
  constructor(
    private readonly state: MessageStateRepository,
    private readonly messages: MessagesRepository,
  ) {}

  /** Messages of one conversation. */
  async views(tx: EntityManager, messages: Message[]): Promise<MessageView[]> {
    if (!messages.length) return [];
    const live = messages.filter((m) => !m.deletedAt).map((m) => m.id);
    const reactions = await this.state.reactionsOf(tx, live);
    // A deleted message shows nothing of what it had: no body, no reactions, no pin.
    return (await this.quoted(tx, messages)).map((view) => ({
      ...view,
      reactions: reactions.get(view.id) ?? [],
    }));
  }

  async view(tx: EntityManager, message: Message): Promise<MessageView> {
    return (await this.views(tx, [message]))[0]!;
  }

  /** A message just sent: nobody reacted to it yet, so only its quote is read, if it has one. */
  async sent(tx: EntityManager, message: Message): Promise<MessageView> {
    const [view] = await this.quoted(tx, [message]);
    return { ...view!, reactions: [] };
  }

  private async quoted(tx: EntityManager, messages: Message[]): Promise<MessageView[]> {
    const ids = [...new Set(messages.flatMap((m) => (m.replyToId ? [m.replyToId] : [])))];
    const originals = await this.messages.findMany(tx, messages[0]!.conversationId, ids);
    return toMessageViews(messages, new Map(originals.map((o) => [o.id, o])));
  }
}
