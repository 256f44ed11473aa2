import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { User } from '../people/user.entity';
import { Conversation, ConversationMember } from './conversation.entity';

/**
 * How a write holds its conversation: `exclusive` for what changes the conversation itself (a seq,
 * a title, its members), `shared` for what only needs the membership to hold until it commits
 * (edits, deletions, read watermarks).
 */
export type ConversationLock = 'exclusive' | 'shared';

/** Who may act on a conversation: membership, within the caller's tenant. */
@Injectable()
export class ConversationAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The conversation if the caller is a member of it, in their tenant; 404 otherwise, exactly as
   * if it did not exist. Every conversation-scoped read starts here.
   */
  async findForMember(
    caller: AuthenticatedUser,
    conversationId: string,
    db: EntityManager = this.db.manager,
  ): Promise<Conversation> {
    const conversation = await db
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .innerJoin(ConversationMember, 'm', 'm.conversation_id = c.id AND m.user_id = :userId', {
        userId: caller.id,
      })
      .where('c.id = :conversationId AND c.tenant_id = :tenantId', {
        conversationId,
        tenantId: caller.tenantId,
      })
      .getOne();
    if (!conversation) throw new NotFoundException('Conversation not found');
    return conversation;
  }

  /**
   * Every conversation-scoped write starts here, inside its transaction: locks the conversation
   * row, then checks the membership. In that order, so that the check sees a removal committed
   * while this write waited for the lock (every membership change holds it exclusively), and the
   * membership cannot change before this write commits. The conversation row is always the first
   * lock a write takes, so writes cannot deadlock on each other.
   */
  async lockForMember(
    caller: AuthenticatedUser,
    conversationId: string,
    tx: EntityManager,
    lock: ConversationLock,
  ): Promise<Conversation> {
    const conversation = await tx
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .setLock(lock === 'exclusive' ? 'for_no_key_update' : 'pessimistic_read')
      .where('c.id = :conversationId AND c.tenant_id = :tenantId', {
        conversationId,
        tenantId: caller.tenantId,
      })
      .getOne();
    const member =
      conversation &&
      (await tx.getRepository(ConversationMember).existsBy({ conversationId, userId: caller.id }));
    if (!member) throw new NotFoundException('Conversation not found');
    return conversation;
  }

  /** Unknown ids and ids of another tenant get the same answer: 404. */
  async assertSameTenant(
    caller: AuthenticatedUser,
    userIds: string[],
    db: EntityManager = this.db.manager,
  ) {
    const found = await db
      .getRepository(User)
      .count({ where: { id: In(userIds), tenantId: caller.tenantId } });
    if (found !== new Set(userIds).size) throw new NotFoundException('User not found');
  }
}
