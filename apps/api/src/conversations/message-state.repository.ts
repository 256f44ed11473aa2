import type { ReactionView, TimelineNote } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Message } from './message.entity';
import { MESSAGE_ROW_COLUMNS, toMessage, type MessageRow } from './messages.repository';

/**
 * The SQL of what a message carries besides its body (reactions, pin) and of timeline notes. Every
 * method takes the transaction of TenantDatabase: row-level security holds it to one tenant.
 */
@Injectable()
export class MessageStateRepository {
  /** Adds the reaction; false when the person had already put this emoji on the message. */
  async addReaction(
    tx: EntityManager,
    r: { messageId: string; conversationId: string; userId: string; emoji: string },
  ): Promise<boolean> {
    // The tenant comes from the conversation as this tenant sees it (RLS): another's is no row.
    const rows: unknown[] = await tx.query(
      `INSERT INTO message_reactions (message_id, conversation_id, tenant_id, user_id, emoji)
       SELECT $1, c.id, c.tenant_id, $3, $4 FROM conversations c WHERE c.id = $2
       ON CONFLICT DO NOTHING RETURNING 1`,
      [r.messageId, r.conversationId, r.userId, r.emoji],
    );
    return rows.length > 0;
  }

  /** Takes the reaction back; false when there was none. */
  async removeReaction(
    tx: EntityManager,
    r: { messageId: string; userId: string; emoji: string },
  ): Promise<boolean> {
    const [rows]: [unknown[], number] = await tx.query(
      `DELETE FROM message_reactions WHERE message_id = $1 AND user_id = $2 AND emoji = $3
       RETURNING 1`,
      [r.messageId, r.userId, r.emoji],
    );
    return rows.length > 0;
  }

  async emojiCount(tx: EntityManager, messageId: string): Promise<number> {
    const [row]: { count: string }[] = await tx.query(
      `SELECT count(DISTINCT emoji) AS count FROM message_reactions WHERE message_id = $1`,
      [messageId],
    );
    return Number(row?.count ?? 0);
  }

  /** Reactions of each message: emojis in the order first used, people in the order they reacted. */
  async reactionsOf(tx: EntityManager, messageIds: string[]): Promise<Map<string, ReactionView[]>> {
    const byMessage = new Map<string, ReactionView[]>();
    if (!messageIds.length) return byMessage;
    const rows: { message_id: string; emoji: string; user_ids: string[] }[] = await tx.query(
      `SELECT message_id, emoji, array_agg(user_id ORDER BY created_at, user_id) AS user_ids
       FROM message_reactions WHERE message_id = ANY($1)
       GROUP BY message_id, emoji
       ORDER BY min(created_at), emoji`,
      [messageIds],
    );
    for (const row of rows) {
      const list = byMessage.get(row.message_id) ?? [];
      list.push({ emoji: row.emoji, userIds: row.user_ids });
      byMessage.set(row.message_id, list);
    }
    return byMessage;
  }

  /** Gives the message a new change number (its reactions changed); null when it is not there. */
  async markChanged(
    tx: EntityManager,
    m: { messageId: string; conversationId: string; changeSeq: number },
  ): Promise<Message | null> {
    const [rows]: [MessageRow[], number] = await tx.query(
      `UPDATE messages SET change_seq = $3 WHERE id = $1 AND conversation_id = $2
       RETURNING ${MESSAGE_ROW_COLUMNS}`,
      [m.messageId, m.conversationId, m.changeSeq],
    );
    return rows.length ? toMessage(rows[0]!) : null;
  }

  /**
   * Pins (by `userId`) or unpins, as a new version of the message. Null when nothing changed: the
   * message is not there, deleted, a note, or already in that state.
   */
  async setPinned(
    tx: EntityManager,
    p: {
      messageId: string;
      conversationId: string;
      userId: string;
      pinned: boolean;
      changeSeq: number;
    },
  ): Promise<Message | null> {
    const [rows]: [MessageRow[], number] = await tx.query(
      `UPDATE messages
       SET pinned_at = CASE WHEN $4 THEN now() END, pinned_by = CASE WHEN $4 THEN $3::uuid END,
           change_seq = $5
       WHERE id = $1 AND conversation_id = $2 AND deleted_at IS NULL AND note IS NULL
         AND (pinned_at IS NULL) = $4
       RETURNING ${MESSAGE_ROW_COLUMNS}`,
      [p.messageId, p.conversationId, p.userId, p.pinned, p.changeSeq],
    );
    return rows.length ? toMessage(rows[0]!) : null;
  }

  /** The pinned messages of a conversation, latest pin first (deleted ones are no longer pinned). */
  async pinned(tx: EntityManager, conversationId: string): Promise<Message[]> {
    const rows: MessageRow[] = await tx.query(
      `SELECT ${MESSAGE_ROW_COLUMNS} FROM messages
       WHERE conversation_id = $1 AND pinned_at IS NOT NULL AND deleted_at IS NULL
       ORDER BY pinned_at DESC, seq DESC`,
      [conversationId],
    );
    return rows.map(toMessage);
  }

  /** Writes a timeline note at its seq and change number (both taken by the caller). */
  async insertNote(
    tx: EntityManager,
    n: {
      conversationId: string;
      seq: number;
      changeSeq: number;
      senderId: string;
      clientMessageId: string;
      note: TimelineNote;
    },
  ): Promise<Message> {
    const rows: MessageRow[] = await tx.query(
      `INSERT INTO messages (conversation_id, seq, change_seq, sender_id, client_message_id, body, note)
       VALUES ($1, $2, $3, $4, $5, '', $6)
       RETURNING ${MESSAGE_ROW_COLUMNS}`,
      [n.conversationId, n.seq, n.changeSeq, n.senderId, n.clientMessageId, JSON.stringify(n.note)],
    );
    return toMessage(rows[0]!);
  }

  /** Records that the title or members changed at this change number (for `sync`). */
  async markMetaChange(tx: EntityManager, conversationId: string, changeSeq: number) {
    await tx.query(`UPDATE conversations SET meta_change = $2 WHERE id = $1`, [
      conversationId,
      changeSeq,
    ]);
  }
}
