import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { NotificationEmail } from './notification-email.entity';

export type NewEmail = Pick<
  NotificationEmail,
  'tenantId' | 'userId' | 'key' | 'type' | 'title' | 'body' | 'actionUrl' | 'urgent' | 'inDigest'
>;

/** The emails causes earned (one per user and key), in their tenant's transaction. */
@Injectable()
export class NotificationEmailsRepository {
  /** Records each email unless its cause already earned its user one. */
  async claim(tx: EntityManager, emails: NewEmail[]): Promise<void> {
    if (!emails.length) return;
    await tx
      .getRepository(NotificationEmail)
      .createQueryBuilder()
      .insert()
      .values(emails)
      .orIgnore()
      .execute();
  }

  /** The oldest email waiting for this user's next digest (its id names the digest job). */
  oldestWaitingForDigest(tx: EntityManager, userId: string): Promise<NotificationEmail | null> {
    return tx.getRepository(NotificationEmail).findOne({
      where: { userId, inDigest: true, digestBatch: IsNull(), sentAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Takes every email waiting for a digest into `batch`, and returns the batch's unsent ones: a
   * digest job run again finds the same batch (and any email that arrived since).
   */
  async takeDigestBatch(
    tx: EntityManager,
    userId: string,
    batch: string,
  ): Promise<NotificationEmail[]> {
    await tx.query(
      `UPDATE notification_emails SET digest_batch = $2
       WHERE user_id = $1 AND in_digest AND digest_batch IS NULL`,
      [userId, batch],
    );
    return tx.getRepository(NotificationEmail).find({
      where: { userId, digestBatch: batch, sentAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The email of one cause, unless it was already sent. */
  findUnsent(tx: EntityManager, userId: string, key: string): Promise<NotificationEmail | null> {
    return tx.getRepository(NotificationEmail).findOneBy({ userId, key, sentAt: IsNull() });
  }

  async markSent(tx: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await tx.query(
      `UPDATE notification_emails SET sent_at = now() WHERE id = ANY($1::uuid[]) AND sent_at IS NULL`,
      [ids],
    );
  }
}
