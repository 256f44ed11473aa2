import type { ConversationKind } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import { Brackets, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Conversation, ConversationMember } from './conversation.entity';
import { Message } from './message.entity';

/** How a write holds its conversation row (see ConversationAccess.lockForMember). */
export type ConversationLock = 'exclusive' | 'shared';

export interface NewConversation {
  tenantId: string;
  kind: ConversationKind;
  title: string | null;
  /** The sorted pair of a direct conversation, unique per tenant; null for a group. */
  directKey: string | null;
  createdBy: string;
}

export interface ConversationListInput {
  userId: string;
  tenantId: string;
  /** Rows to read: one more than the page, to tell whether another follows. */
  limit: number;
  /** A LIKE pattern (already escaped) matched against the title and the other members' names. */
  pattern?: string;
  /** The last row of the previous page: updated_at as PostgreSQL wrote it, id. */
  after?: [string, string];
  /** Only the conversations the user archived, or only the others. */
  archived?: boolean;
}

/** A current member (left_at_seq null) or a former one, with the name they are shown by. */
export interface PersonRow {
  conversation_id: string;
  user_id: string;
  display_name: string;
  last_read_seq: string;
  joined_after_seq: string;
  left_at_seq: string | null;
  /** The member's own state (always false for a former member). */
  muted: boolean;
  archived: boolean;
}

/** What a conversation view is made of, for a page of conversations. */
export interface ViewRows {
  conversations: Conversation[];
  people: PersonRow[];
  lastMessages: Message[];
}

/**
 * The SQL of conversations, their members and former members. Every method takes the transaction
 * of TenantDatabase: row-level security holds it to one tenant, whatever the method filters on.
 */
@Injectable()
export class ConversationsRepository {
  /** The new conversation's id; null when the direct conversation of that pair already exists. */
  async insert(tx: EntityManager, c: NewConversation): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO conversations (tenant_id, kind, title, direct_key, created_by)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, direct_key) DO NOTHING
       RETURNING id`,
      [c.tenantId, c.kind, c.title, c.directKey, c.createdBy],
    );
    return rows[0]?.id ?? null;
  }

  findDirect(tx: EntityManager, tenantId: string, directKey: string): Promise<Conversation> {
    return tx.getRepository(Conversation).findOneByOrFail({ tenantId, directKey });
  }

  findForMember(
    tx: EntityManager,
    {
      conversationId,
      userId,
      tenantId,
    }: { conversationId: string; userId: string; tenantId: string },
  ): Promise<Conversation | null> {
    return tx
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .innerJoin(ConversationMember, 'm', 'm.conversation_id = c.id AND m.user_id = :userId', {
        userId,
      })
      .where('c.id = :conversationId AND c.tenant_id = :tenantId', { conversationId, tenantId })
      .getOne();
  }

  /** The conversations of `ids` the user is a member of (the others are left out). */
  /**
   * Where each of `ids` the user is a member of stands, for a sync: its latest change number and
   * that of its latest rename or member change. One query for all of them; ids of conversations the
   * user is not in (or another tenant's) are left out.
   */
  async changeCounters(
    tx: EntityManager,
    { ids, userId, tenantId }: { ids: string[]; userId: string; tenantId: string },
  ): Promise<{ id: string; lastChange: number; metaChange: number }[]> {
    if (!ids.length) return [];
    const rows: { id: string; last_change: string; meta_change: string }[] = await tx.query(
      `SELECT c.id, c.last_change, c.meta_change FROM conversations c
       JOIN conversation_members m ON m.conversation_id = c.id AND m.user_id = $2
       WHERE c.id = ANY($1::uuid[]) AND c.tenant_id = $3`,
      [ids, userId, tenantId],
    );
    return rows.map((row) => ({
      id: row.id,
      lastChange: Number(row.last_change),
      metaChange: Number(row.meta_change),
    }));
  }

  lock(
    tx: EntityManager,
    { conversationId, tenantId }: { conversationId: string; tenantId: string },
    lock: ConversationLock,
  ): Promise<Conversation | null> {
    return tx
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .setLock(lock === 'exclusive' ? 'for_no_key_update' : 'pessimistic_read')
      .where('c.id = :conversationId AND c.tenant_id = :tenantId', { conversationId, tenantId })
      .getOne();
  }

  /**
   * Takes the conversation's next change number (an edit, a deletion). The row lock it takes
   * orders the change with sends and other changes until commit. Null when not there.
   */
  async nextChange(
    tx: EntityManager,
    { conversationId, tenantId }: { conversationId: string; tenantId: string },
  ): Promise<number | null> {
    const [rows]: [{ last_change: string }[], number] = await tx.query(
      `UPDATE conversations SET last_change = last_change + 1
       WHERE id = $1 AND tenant_id = $2 RETURNING last_change`,
      [conversationId, tenantId],
    );
    return rows.length ? Number(rows[0]!.last_change) : null;
  }

  /** The latest change number, read before a page so that no change after it can be missed. */
  async lastChange(tx: EntityManager, conversationId: string): Promise<number> {
    const [row]: { last_change: string }[] = await tx.query(
      `SELECT last_change FROM conversations WHERE id = $1`,
      [conversationId],
    );
    return row ? Number(row.last_change) : 0;
  }

  async rename(tx: EntityManager, conversationId: string, title: string) {
    await tx
      .getRepository(Conversation)
      .update({ id: conversationId }, { title, updatedAt: () => 'now()' });
  }

  /** Last activity now: lists sort by it. */
  async touch(tx: EntityManager, conversationId: string) {
    await tx
      .getRepository(Conversation)
      .update({ id: conversationId }, { updatedAt: () => 'now()' });
  }

  /** The user's conversations, most recent activity first (keyset on updated_at, id). */
  list(tx: EntityManager, input: ConversationListInput) {
    return this.listQuery(tx, input).getRawMany<{ id: string; updated_key: string }>();
  }

  /** The list's query as run, also for `pnpm bench` to EXPLAIN. */
  listQuery(
    tx: EntityManager,
    { userId, tenantId, limit, pattern, after, archived = false }: ConversationListInput,
  ) {
    const qb = tx
      .createQueryBuilder()
      .select('c.id', 'id')
      .addSelect('c.updated_at::text', 'updated_key')
      .from(ConversationMember, 'me')
      .innerJoin(Conversation, 'c', 'c.id = me.conversation_id')
      .where('me.user_id = :userId AND c.tenant_id = :tenantId', { userId, tenantId })
      .andWhere(archived ? 'me.archived_at IS NOT NULL' : 'me.archived_at IS NULL');
    if (pattern !== undefined) {
      const like = `LIKE immutable_unaccent(lower(:pattern)) ESCAPE '\\'`;
      qb.andWhere(
        new Brackets((match) =>
          match.where(`immutable_unaccent(lower(coalesce(c.title, ''))) ${like}`, { pattern })
            .orWhere(`EXISTS (SELECT 1 FROM conversation_members om JOIN users u ON u.id = om.user_id
                   WHERE om.conversation_id = c.id AND om.user_id <> :userId
                     AND immutable_unaccent(lower(u.display_name)) ${like})`),
        ),
      );
    }
    if (after) {
      qb.andWhere('(c.updated_at, c.id) < (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: after[0],
        afterId: after[1],
      });
    }
    return qb.orderBy('c.updated_at', 'DESC').addOrderBy('c.id', 'DESC').limit(limit);
  }

  /**
   * Conversations with members, former members and last message: three queries, one after the
   * other (a transaction is one connection, which runs one query at a time).
   */
  async viewRows(tx: EntityManager, ids: string[]): Promise<ViewRows> {
    const conversations = await tx.getRepository(Conversation).findBy({ id: In(ids) });
    const people: PersonRow[] = await tx.query(
      `SELECT m.conversation_id, m.user_id, u.display_name, m.last_read_seq, m.joined_after_seq,
              NULL::bigint AS left_at_seq, m.muted, m.archived_at IS NOT NULL AS archived
       FROM conversation_members m JOIN users u ON u.id = m.user_id
       WHERE m.conversation_id = ANY($1)
       UNION ALL
       SELECT f.conversation_id, f.user_id, u.display_name, f.last_read_seq, f.joined_after_seq,
              f.left_at_seq, false, false
       FROM conversation_former_members f JOIN users u ON u.id = f.user_id
       WHERE f.conversation_id = ANY($1)
       ORDER BY display_name, user_id`,
      [ids],
    );
    const lastMessages = await this.lastMessagesQuery(tx, ids).getMany();
    return { conversations, people, lastMessages };
  }

  /** The last message of each conversation, also for `pnpm bench` to EXPLAIN. */
  lastMessagesQuery(tx: EntityManager, ids: string[]): SelectQueryBuilder<Message> {
    return tx
      .getRepository(Message)
      .createQueryBuilder('m')
      .innerJoin(Conversation, 'c', 'c.id = m.conversation_id AND m.seq = c.last_seq')
      .where('c.id IN (:...ids)', { ids });
  }
}
