import type { ChannelPreference, EmailDigest, NotificationType } from '@mindsp/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's notification settings; no row means the defaults (notification-settings.ts). */
@Entity('notification_settings')
export class NotificationSettingsRow {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'jsonb', default: {} })
  types!: Partial<Record<NotificationType, ChannelPreference>>;

  @Column({ name: 'quiet_enabled', default: false })
  quietEnabled!: boolean;

  @Column({ name: 'quiet_start', type: 'varchar', length: 5, default: '22:00' })
  quietStart!: string;

  @Column({ name: 'quiet_end', type: 'varchar', length: 5, default: '07:00' })
  quietEnd!: string;

  @Column({ name: 'time_zone', type: 'text', default: 'Europe/Paris' })
  timeZone!: string;

  @Column({ name: 'email_digest', type: 'varchar', length: 8, default: 'off' })
  emailDigest!: EmailDigest;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
