import type { MemberView } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConversationMember } from './conversation.entity';

/**
 * The SQL of who is in a conversation: members, former members and read watermarks. Every method
 * takes the transaction of TenantDatabase: row-level security holds it to one tenant.
 */
@Injectable()
export class ConversationMembersRepository {
  /** Founding members: joined_after_seq 0, every message counts them. */
  async insertFoundingMembers(tx: EntityManager, conversationId: string, userIds: string[]) {
    await tx
      .getRepository(ConversationMember)
      .insert(userIds.map((userId) => ({ conversationId, userId, lastReadSeq: 0 })));
  }

  isMember(tx: EntityManager, conversationId: string, userId: string): Promise<boolean> {
    return tx.getRepository(ConversationMember).existsBy({ conversationId, userId });
  }

  findMember(tx: EntityManager, conversationId: string, userId: string) {
    return tx.getRepository(ConversationMember).findOneByOrFail({ conversationId, userId });
  }

  /**
   * Adds members who start with everything read (they were not there to miss it) and whom
   * receipts count only after `lastSeq`; back as a member, their former time is no longer shown
   * apart. Returns who was added (those already in are left as they are).
   */
  async addMembers(
    tx: EntityManager,
    {
      conversationId,
      userIds,
      lastSeq,
    }: { conversationId: string; userIds: string[]; lastSeq: number },
  ): Promise<string[]> {
    const rows: { user_id: string }[] = await tx.query(
      `INSERT INTO conversation_members (conversation_id, user_id, last_read_seq, joined_after_seq)
       SELECT $1, u, $3, $3 FROM unnest($2::uuid[]) AS u
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [conversationId, userIds, lastSeq],
    );
    const added = rows.map((row) => row.user_id);
    await tx.query(
      `DELETE FROM conversation_former_members WHERE conversation_id = $1 AND user_id = ANY($2::uuid[])`,
      [conversationId, added],
    );
    return added;
  }

  memberCount(tx: EntityManager, conversationId: string): Promise<number> {
    return tx.getRepository(ConversationMember).countBy({ conversationId });
  }

  /**
   * Moves a member to the former members, with their watermark and the seq they left at. False
   * when they were not a member.
   */
  async moveToFormerMembers(
    tx: EntityManager,
    {
      conversationId,
      userId,
      leftAtSeq,
    }: { conversationId: string; userId: string; leftAtSeq: number },
  ): Promise<boolean> {
    const moved: unknown[] = await tx.query(
      `WITH removed AS (
         DELETE FROM conversation_members WHERE conversation_id = $1 AND user_id = $2
         RETURNING user_id, joined_after_seq, last_read_seq)
       INSERT INTO conversation_former_members
         (conversation_id, user_id, joined_after_seq, left_at_seq, last_read_seq)
       SELECT $1, user_id, joined_after_seq, $3, last_read_seq FROM removed
       ON CONFLICT (conversation_id, user_id) DO UPDATE SET
         joined_after_seq = EXCLUDED.joined_after_seq, left_at_seq = EXCLUDED.left_at_seq,
         last_read_seq = EXCLUDED.last_read_seq, left_at = now()
       RETURNING user_id`,
      [conversationId, userId, leftAtSeq],
    );
    return moved.length > 0;
  }

  /**
   * Moves a member's read watermark up to `seq`, never back and never past the last message (the
   * member row stays locked until commit). Null when it did not move, or they are not a member.
   */
  async moveReadWatermark(
    tx: EntityManager,
    m: { conversationId: string; userId: string; tenantId: string; seq: number },
  ): Promise<{ lastReadSeq: number; lastSeq: number } | null> {
    const [rows, moved]: [{ last_read_seq: string; last_seq: string }[], number] = await tx.query(
      `UPDATE conversation_members m SET last_read_seq = LEAST($3, c.last_seq)
       FROM conversations c
       WHERE c.id = m.conversation_id AND c.tenant_id = $4
         AND m.conversation_id = $1 AND m.user_id = $2
         AND m.last_read_seq < LEAST($3, c.last_seq)
       RETURNING m.last_read_seq, c.last_seq`,
      [m.conversationId, m.userId, m.seq, m.tenantId],
    );
    if (!moved) return null;
    return { lastReadSeq: Number(rows[0]!.last_read_seq), lastSeq: Number(rows[0]!.last_seq) };
  }

  /** Marks the conversation read up to `seq` by who wrote it (a timeline note's author). */
  async markReadBySender(
    tx: EntityManager,
    { conversationId, userId, seq }: { conversationId: string; userId: string; seq: number },
  ): Promise<boolean> {
    const [, updated]: [unknown, number] = await tx.query(
      `UPDATE conversation_members SET last_read_seq = GREATEST(last_read_seq, $3)
       WHERE conversation_id = $1 AND user_id = $2`,
      [conversationId, userId, seq],
    );
    return updated > 0;
  }

  /** A member's own state of the conversation; absent fields stay. False when not a member. */
  async updateState(
    tx: EntityManager,
    { conversationId, userId }: { conversationId: string; userId: string },
    { muted, archived }: { muted?: boolean; archived?: boolean },
  ): Promise<boolean> {
    const [, updated]: [unknown, number] = await tx.query(
      `UPDATE conversation_members
       SET muted = coalesce($3, muted),
           archived_at = CASE WHEN $4::boolean IS NULL THEN archived_at
                              WHEN $4 THEN coalesce(archived_at, now()) ELSE NULL END
       WHERE conversation_id = $1 AND user_id = $2`,
      [conversationId, userId, muted ?? null, archived ?? null],
    );
    return updated > 0;
  }

  /** Members by (display name, id), after the given one: `limit` rows. */
  async page(
    tx: EntityManager,
    conversationId: string,
    { limit, after }: { limit: number; after?: [string, string] },
  ): Promise<MemberView[]> {
    const rows: {
      user_id: string;
      display_name: string;
      last_read_seq: string;
      joined_after_seq: string;
    }[] = await tx.query(
      `SELECT m.user_id, u.display_name, m.last_read_seq, m.joined_after_seq
       FROM conversation_members m JOIN users u ON u.id = m.user_id
       WHERE m.conversation_id = $1
         AND ($2::text IS NULL OR (u.display_name, u.id) > ($2::text, $3::uuid))
       ORDER BY u.display_name, u.id
       LIMIT $4`,
      [conversationId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return rows.map((row) => ({
      id: row.user_id,
      displayName: row.display_name,
      lastReadSeq: Number(row.last_read_seq),
      joinedAfterSeq: Number(row.joined_after_seq),
    }));
  }

  /** The conversation ids of each of these users (a user in none is absent from the map). */
  async conversationIdsOfUsers(tx: EntityManager, userIds: string[]) {
    const rows: { user_id: string; ids: string[] }[] = await tx.query(
      `SELECT user_id, array_agg(conversation_id::text) AS ids FROM conversation_members
       WHERE user_id = ANY($1::uuid[]) GROUP BY user_id`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.user_id, row.ids]));
  }

  async conversationIdsOf(tx: EntityManager, userId: string): Promise<string[]> {
    const rows = await tx
      .getRepository(ConversationMember)
      .find({ select: { conversationId: true }, where: { userId } });
    return rows.map((row) => row.conversationId);
  }
}
