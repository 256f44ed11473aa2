import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import type { Conversation } from './conversation.entity';
import { assertActivePeople } from '../people/named-people';
import { UsersRepository } from '../users/users.repository';
import { ConversationMembersRepository } from './conversation-members.repository';
import { ConversationsRepository, type ConversationLock } from './conversations.repository';

/** Who may act on a conversation: membership, within the caller's tenant. */
@Injectable()
export class ConversationAccess {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly members: ConversationMembersRepository,
    private readonly users: UsersRepository,
  ) {}

  /**
   * The conversation if the caller is a member of it, in their tenant; 404 otherwise, exactly as
   * if it did not exist. Every conversation-scoped read starts here.
   */
  async findForMember(
    tx: EntityManager,
    caller: AuthenticatedUser,
    conversationId: string,
  ): Promise<Conversation> {
    const conversation = await this.conversations.findForMember(tx, {
      conversationId,
      userId: caller.id,
      tenantId: caller.tenantId,
    });
    if (!conversation) throw new NotFoundException('Conversation not found');
    return conversation;
  }

  /**
   * How a write holds its conversation: `exclusive` for what changes the conversation itself (a
   * seq, a title, its members), `shared` for what only needs the membership to hold until it
   * commits (edits, deletions, read watermarks).
   *
   * Every conversation-scoped write starts here, inside its transaction: locks the conversation
   * row, then checks the membership. In that order, so that the check sees a removal committed
   * while this write waited for the lock (every membership change holds it exclusively), and the
   * membership cannot change before this write commits. The conversation row is always the first
   * lock a write takes, so writes cannot deadlock on each other.
   */
  async lockForMember(
    tx: EntityManager,
    caller: AuthenticatedUser,
    conversationId: string,
    lock: ConversationLock,
  ): Promise<Conversation> {
    const conversation = await this.conversations.lock(
      tx,
      { conversationId, tenantId: caller.tenantId },
      lock,
    );
    const member = conversation && (await this.members.isMember(tx, conversationId, caller.id));
    if (!member) throw new NotFoundException('Conversation not found');
    return conversation;
  }

  /**
   * Takes the conversation's next change number for a change by a member (404 otherwise). Its row
   * stays locked until commit, so changes and sends are ordered.
   */
  async changeForMember(
    tx: EntityManager,
    caller: AuthenticatedUser,
    conversationId: string,
  ): Promise<number> {
    const change = await this.conversations.nextChange(tx, {
      conversationId,
      tenantId: caller.tenantId,
    });
    const member = change !== null && (await this.members.isMember(tx, conversationId, caller.id));
    if (!member) throw new NotFoundException('Conversation not found');
    return change;
  }

  /** Unknown ids and ids of another tenant: 404; deactivated people: 400 naming them on `field`. */
  async assertSameTenant(
    tx: EntityManager,
    caller: AuthenticatedUser,
    userIds: string[],
    field = 'userIds',
  ) {
    await assertActivePeople(this.users, tx, { tenantId: caller.tenantId, ids: userIds, field });
  }
}
