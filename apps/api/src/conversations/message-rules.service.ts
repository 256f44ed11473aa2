import { mentionsIn } from '@mindsp/contracts';
import { ForbiddenException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { badField } from '../common/bad-request';
import { ConversationAccess } from './conversation-access';
import type { SendMessageDto } from './dto/messages.dto';
import { MessagesRepository } from './messages.repository';

/** What a message may say and answer, checked in the send's (or edit's) transaction. */
@Injectable()
export class MessageRulesService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly access: ConversationAccess,
  ) {}

  /**
   * A reply answers a message of the same conversation (another's, or an unknown id, is a bad
   * field: it gives no hint of what exists elsewhere). `<@all>` is for a group's creator or an
   * admin: anyone else is refused (403) rather than silently not notifying everyone.
   */
  async checkSend(
    tx: EntityManager,
    caller: AuthenticatedUser,
    conversationId: string,
    input: SendMessageDto,
  ) {
    if (input.replyToId) {
      const [original] = await this.messages.findMany(tx, conversationId, [input.replyToId]);
      if (!original) {
        // Not a member (or another tenant's conversation): 404 like any send, not a bad field.
        await this.access.findForMember(tx, caller, conversationId);
        throw badField('replyToId', 'replyToId must be a message of this conversation');
      }
    }
    await this.checkMentionOfEveryone(tx, caller, conversationId, input.body);
  }

  /** `<@all>` (sent, or added by an edit) is for a group's creator or an admin only. */
  async checkMentionOfEveryone(
    tx: EntityManager,
    caller: AuthenticatedUser,
    conversationId: string,
    body: string,
  ) {
    if (!mentionsIn(body).everyone) return;
    const conversation = await this.access.findForMember(tx, caller, conversationId);
    const allowed =
      conversation.kind === 'group' &&
      (conversation.createdBy === caller.id || caller.role === 'admin');
    if (!allowed)
      throw new ForbiddenException("Only the group's creator or an admin can mention everyone");
  }
}
