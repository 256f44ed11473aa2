import type { NotificationType, NotificationView } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A notification row as the queries below return it, with its owner. */
export interface NotificationRow extends Omit<NotificationView, 'readAt' | 'createdAt'> {
  userId: string;
  /** Its cause (unique per user): what a delivery of several jobs tells them apart by. */
  key: string;
  readAt: Date | null;
  createdAt: Date;
}

export interface NewNotification {
  tenantId: string;
  userId: string;
  type: NotificationType;
  key: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  actionUrl: string | null;
}

const COLUMNS = `id, user_id AS "userId", key, type, title, body, data, action_url AS "actionUrl",
  read_at AS "readAt", created_at AS "createdAt"`;

export function toNotificationView({
  userId: _,
  key: __,
  ...row
}: NotificationRow): NotificationView {
  return {
    ...row,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The notifications table. Every method runs in its tenant's transaction (TenantDatabase) and
 * names the user whose notifications it touches: another user's id matches nothing.
 */
@Injectable()
export class NotificationsRepository {
  /** Newest first; `after` is the last row of the previous page (created_at as text, id). */
  page(
    tx: EntityManager,
    userId: string,
    { limit, unread, after }: { limit: number; unread: boolean; after?: [string, string] },
  ): Promise<NotificationRow[]> {
    return tx.query(
      `SELECT ${COLUMNS}, created_at::text AS "cursorAt" FROM notifications
       WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
         AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $5`,
      [userId, unread, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  async unreadCount(tx: EntityManager, userId: string): Promise<number> {
    const [row]: { count: number }[] = await tx.query(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row!.count;
  }

  /** Marks one read (it stays as first read). Null when the user has no such notification. */
  async markRead(
    tx: EntityManager,
    userId: string,
    id: string,
  ): Promise<{ row: NotificationRow; changed: boolean } | null> {
    const [rows]: [(NotificationRow & { changed: boolean })[]] = await tx.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now())
       WHERE user_id = $1 AND id = $2
       RETURNING ${COLUMNS}, read_at = now() AS changed`,
      [userId, id],
    );
    const row = rows[0];
    if (!row) return null;
    const { changed, ...rest } = row;
    return { row: rest, changed };
  }

  /** Marks every unread one read; returns their ids. */
  async markAllRead(tx: EntityManager, userId: string): Promise<string[]> {
    const [rows]: [{ id: string }[]] = await tx.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
      [userId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The conversation was read up to `seq`: the message notifications of the unread streaks it ended
   * with it (a streak's key ends with the seq it began after: `message:<conversation>:<readSeq>`; a
   * streak begun at `seq` or later is news the reader has not seen). Returns their ids.
   */
  async markConversationRead(
    tx: EntityManager,
    { userId, conversationId, seq }: { userId: string; conversationId: string; seq: number },
  ): Promise<string[]> {
    const [rows]: [{ id: string }[]] = await tx.query(
      `UPDATE notifications SET read_at = now()
       WHERE user_id = $1 AND type = 'message' AND read_at IS NULL
         AND data->>'conversationId' = $2
         AND CASE WHEN key ~ '^message:[^:]+:[0-9]+$' THEN split_part(key, ':', 3)::bigint < $3
                  ELSE true END
       RETURNING id`,
      [userId, conversationId, seq],
    );
    return rows.map((row) => row.id);
  }

  /** New notifications; a key the user already has is left alone (a retried job). Returns the new. */
  insertMany(tx: EntityManager, rows: NewNotification[]): Promise<NotificationRow[]> {
    if (!rows.length) return Promise.resolve([]);
    return tx.query(
      `INSERT INTO notifications (tenant_id, user_id, type, key, title, body, data, action_url)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
         tenant_id uuid, user_id uuid, type varchar, key text, title text, body text, data jsonb,
         action_url text)
       ON CONFLICT (user_id, key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        JSON.stringify(
          rows.map((row) => ({
            tenant_id: row.tenantId,
            user_id: row.userId,
            type: row.type,
            key: row.key,
            title: row.title,
            body: row.body,
            data: row.data,
            action_url: row.actionUrl,
          })),
        ),
      ],
    );
  }

  /**
   * The coalesced notification of a conversation's unread streak (its key names the watermark the
   * streak started at): created, or, when it now counts more messages, rewritten, unread again and
   * on top. The same count again (a replayed job) changes nothing: null.
   */
  async upsertCoalesced(tx: EntityManager, row: NewNotification): Promise<NotificationRow | null> {
    const [found]: NotificationRow[] = await tx.query(
      `INSERT INTO notifications (tenant_id, user_id, type, key, title, body, data, action_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (user_id, key) DO UPDATE SET
         title = EXCLUDED.title, body = EXCLUDED.body, data = EXCLUDED.data,
         read_at = NULL, created_at = now()
       WHERE (notifications.data->>'count')::int < (EXCLUDED.data->>'count')::int
       RETURNING ${COLUMNS}`,
      [row.tenantId, row.userId, row.type, row.key, row.title, row.body, row.data, row.actionUrl],
    );
    return found ?? null;
  }
}
