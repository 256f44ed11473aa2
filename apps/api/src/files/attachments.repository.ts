import type { AttachmentView } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface Attachment {
  id: string;
  conversationId: string;
  uploaderId: string;
  messageId: string | null;
  name: string;
  contentType: string;
  size: number;
  storageKey: string;
  thumbnailKey: string | null;
  width: number | null;
  height: number | null;
}

export type NewAttachment = Omit<Attachment, 'messageId'>;

/** The storage keys of deleted attachments: their bytes are removed once the deletion commits. */
export interface StoredKeys {
  storageKey: string;
  thumbnailKey: string | null;
}

interface AttachmentRow {
  id: string;
  conversation_id: string;
  uploader_id: string;
  message_id: string | null;
  name: string;
  content_type: string;
  size: string;
  storage_key: string;
  thumbnail_key: string | null;
  width: number | null;
  height: number | null;
}

const COLUMNS = `id, conversation_id, uploader_id, message_id, name, content_type, size, storage_key,
  thumbnail_key, width, height`;

/** Every statement runs in a `TenantDatabase` transaction: the wall keeps each tenant to its rows. */
@Injectable()
export class AttachmentsRepository {
  async isMember(tx: EntityManager, conversationId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `SELECT 1 FROM conversation_members WHERE conversation_id = $1 AND user_id = $2`,
      [conversationId, userId],
    );
    return rows.length > 0;
  }

  /**
   * Inserts the attachment and reserves its size in the tenant's storage, in one statement: the
   * reservation is a conditional upsert of the tenant's usage row, which PostgreSQL rechecks under
   * the row's lock, so concurrent uploads cannot pass `quotaBytes` together. Null (nothing
   * inserted) when the file would take the tenant past it. Deletions give the space back
   * (trigger `message_attachments_release`), however the row goes.
   */
  async insert(
    tx: EntityManager,
    a: NewAttachment,
    quotaBytes: number,
  ): Promise<Attachment | null> {
    const rows: AttachmentRow[] = await tx.query(
      `WITH reserved AS (
         INSERT INTO tenant_storage AS s (tenant_id, used_bytes)
         SELECT current_tenant_id(), $6::bigint WHERE $6::bigint <= $11::bigint
         ON CONFLICT (tenant_id) DO UPDATE SET used_bytes = s.used_bytes + EXCLUDED.used_bytes
         WHERE s.used_bytes + EXCLUDED.used_bytes <= $11::bigint
         RETURNING tenant_id
       )
       INSERT INTO message_attachments (id, conversation_id, uploader_id, name, content_type, size,
         storage_key, thumbnail_key, width, height)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM reserved
       RETURNING ${COLUMNS}`,
      [
        a.id,
        a.conversationId,
        a.uploaderId,
        a.name,
        a.contentType,
        a.size,
        a.storageKey,
        a.thumbnailKey,
        a.width,
        a.height,
        quotaBytes,
      ],
    );
    return rows.length ? toAttachment(rows[0]!) : null;
  }

  /** Bytes the tenant's attachments take (originals), as reserved at upload. */
  async storageUsed(tx: EntityManager): Promise<number> {
    const rows: { used_bytes: string }[] = await tx.query(
      `SELECT used_bytes FROM tenant_storage WHERE tenant_id = current_tenant_id()`,
    );
    return rows.length ? Number(rows[0]!.used_bytes) : 0;
  }

  /**
   * The attachment when `userId` is an active member of its conversation and it was sent, or is
   * their own upload not sent yet; null otherwise (unknown, another tenant's, not a member, a
   * deactivated user's download link: all alike).
   */
  async findForMember(
    tx: EntityManager,
    attachmentId: string,
    userId: string,
  ): Promise<Attachment | null> {
    const rows: AttachmentRow[] = await tx.query(
      `SELECT a.*
       FROM message_attachments a
       JOIN conversation_members m ON m.conversation_id = a.conversation_id AND m.user_id = $2
       JOIN users u ON u.id = m.user_id AND u.deactivated_at IS NULL
       WHERE a.id = $1 AND (a.message_id IS NOT NULL OR a.uploader_id = $2)`,
      [attachmentId, userId],
    );
    return rows.length ? toAttachment(rows[0]!) : null;
  }

  /**
   * Gives the sender's unsent uploads of this conversation to their message, and stores their
   * views on it. Returns those claimed, in the order asked; fewer than asked means some were
   * unknown, another's, of another conversation or already sent.
   */
  async claim(
    tx: EntityManager,
    c: { ids: string[]; conversationId: string; uploaderId: string; messageId: string },
  ): Promise<Attachment[]> {
    const [rows]: [AttachmentRow[], number] = await tx.query(
      `UPDATE message_attachments SET message_id = $4
       WHERE id = ANY($1::uuid[]) AND conversation_id = $2 AND uploader_id = $3
         AND message_id IS NULL
       RETURNING ${COLUMNS}`,
      [c.ids, c.conversationId, c.uploaderId, c.messageId],
    );
    const claimed = rows.map(toAttachment);
    return c.ids.flatMap((id) => claimed.filter((a) => a.id === id));
  }

  async storeViews(tx: EntityManager, messageId: string, views: AttachmentView[]): Promise<void> {
    await tx.query(`UPDATE messages SET attachments = $2::jsonb WHERE id = $1`, [
      messageId,
      JSON.stringify(views),
    ]);
  }

  async deleteForMessage(tx: EntityManager, messageId: string): Promise<StoredKeys[]> {
    const [rows]: [AttachmentRow[], number] = await tx.query(
      `DELETE FROM message_attachments WHERE message_id = $1 RETURNING storage_key, thumbnail_key`,
      [messageId],
    );
    return rows.map(toKeys);
  }

  /** Uploads never sent, older than `olderThanSeconds`: deleted, their keys returned. */
  async deleteUnsent(tx: EntityManager, olderThanSeconds: number): Promise<StoredKeys[]> {
    const [rows]: [AttachmentRow[], number] = await tx.query(
      `DELETE FROM message_attachments
       WHERE message_id IS NULL AND created_at < now() - make_interval(secs => $1)
       RETURNING storage_key, thumbnail_key`,
      [olderThanSeconds],
    );
    return rows.map(toKeys);
  }
}

function toKeys(row: Pick<AttachmentRow, 'storage_key' | 'thumbnail_key'>): StoredKeys {
  return { storageKey: row.storage_key, thumbnailKey: row.thumbnail_key };
}

function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    uploaderId: row.uploader_id,
    messageId: row.message_id,
    name: row.name,
    contentType: row.content_type,
    size: Number(row.size),
    storageKey: row.storage_key,
    thumbnailKey: row.thumbnail_key,
    width: row.width,
    height: row.height,
  };
}
