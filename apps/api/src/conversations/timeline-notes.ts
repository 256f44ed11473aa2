import type { MessageView, TimelineNote } from '@mindsp/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ConversationMembersRepository } from './conversation-members.repository';
import { MessageStateRepository } from './message-state.repository';
import { MessagesRepository } from './messages.repository';
import { toMessageView } from './views';

/**
 * Writes the note of a group change ("Alice renamed the group", "Alice added Bob", "Bob left") as
 * a message: it takes the next seq and change number like a send, so it sits in the history where
 * the change happened and an offline member gets it from the seq cursor. The same change number
 * marks the conversation's title or members as changed, for `sync` to send them.
 *
 * Called inside the change's own transaction, after the conversation row was locked exclusively.
 */
@Injectable()
export class TimelineNotes {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly members: ConversationMembersRepository,
    private readonly state: MessageStateRepository,
  ) {}

  async write(
    tx: EntityManager,
    n: { conversationId: string; tenantId: string; actorId: string; note: TimelineNote },
  ): Promise<MessageView> {
    const allocated = await this.messages.allocateSeq(tx, {
      conversationId: n.conversationId,
      tenantId: n.tenantId,
    });
    if (!allocated) throw new NotFoundException('Conversation not found');
    await this.state.markMetaChange(tx, n.conversationId, allocated.changeSeq);
    // Who made the change has seen it (no unread badge for your own note); no-op once they left.
    await this.members.markReadBySender(tx, {
      conversationId: n.conversationId,
      userId: n.actorId,
      seq: allocated.seq,
    });
    const message = await this.state.insertNote(tx, {
      conversationId: n.conversationId,
      seq: allocated.seq,
      changeSeq: allocated.changeSeq,
      senderId: n.actorId,
      // Unique per sender like every message; never a client's (theirs cannot contain ':').
      clientMessageId: `note:${randomUUID()}`,
      note: n.note,
    });
    return { ...toMessageView(message), reactions: [] };
  }
}
