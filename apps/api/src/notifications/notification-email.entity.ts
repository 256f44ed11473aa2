import type { NotificationType } from '@mindsp/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An email a cause earned one user: unique per (user, key), the guard that makes it one email. With
 * a digest it waits here (`inDigest`) until a digest job takes it into its batch.
 */
@Entity('notification_emails')
export class NotificationEmail {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'varchar', length: 16 })
  type!: NotificationType;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'action_url', type: 'text', nullable: true })
  actionUrl!: string | null;

  @Column({ default: false })
  urgent!: boolean;

  @Column({ name: 'in_digest', default: false })
  inDigest!: boolean;

  @Column({ name: 'digest_batch', type: 'text', nullable: true })
  digestBatch!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
