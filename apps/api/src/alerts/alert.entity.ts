import type { AlertResponse } from '@mindsp/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An urgent alert (see the alerts migration). */
@Entity('alerts')
export class Alert {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'sender_id', type: 'uuid' })
  senderId!: string;

  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The last notification round that ran (1: the first). */
  @Column({ type: 'integer', default: 1 })
  round!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Someone an alert asks to answer, with their answer and how often they were notified. */
@Entity('alert_recipients')
export class AlertRecipient {
  @Column({ name: 'alert_id', type: 'uuid', primary: true })
  alertId!: string;

  @Column({ name: 'user_id', type: 'uuid', primary: true })
  userId!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  response!: AlertResponse | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @Column({ name: 'notified_count', type: 'integer', default: 1 })
  notifiedCount!: number;
}
