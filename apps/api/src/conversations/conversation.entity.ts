import type { ConversationKind } from '@mindsp/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** bigint columns come back from pg as strings; seqs stay far below 2^53. */
export const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity('conversations')
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: ConversationKind;

  @Column({ type: 'varchar', length: 100, nullable: true })
  title!: string | null;

  @Column({ name: 'direct_key', type: 'varchar', length: 80, nullable: true })
  directKey!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'last_seq', type: 'bigint', transformer: bigintAsNumber, default: 0 })
  lastSeq!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Last activity: creation, a message, a rename, a member change. Lists sort by it. */
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

@Entity('conversation_members')
export class ConversationMember {
  @Column({ name: 'conversation_id', type: 'uuid', primary: true })
  conversationId!: string;

  @Column({ name: 'user_id', type: 'uuid', primary: true })
  userId!: string;

  @Column({ name: 'last_read_seq', type: 'bigint', transformer: bigintAsNumber, default: 0 })
  lastReadSeq!: number;

  /** The conversation's last_seq when they joined: receipts count them only for later messages. */
  @Column({ name: 'joined_after_seq', type: 'bigint', transformer: bigintAsNumber, default: 0 })
  joinedAfterSeq!: number;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;

  /** No notifications for its messages, except mentions and alerts. */
  @Column({ type: 'boolean', default: false })
  muted!: boolean;

  /** Archived by this member; a new message clears it. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}

/**
 * Someone who left or was removed. A row of its own, so that every membership query (rooms,
 * access, unread counts) stays about current members only. Re-adding them deletes it.
 */
@Entity('conversation_former_members')
export class ConversationFormerMember {
  @Column({ name: 'conversation_id', type: 'uuid', primary: true })
  conversationId!: string;

  @Column({ name: 'user_id', type: 'uuid', primary: true })
  userId!: string;

  @Column({ name: 'joined_after_seq', type: 'bigint', transformer: bigintAsNumber })
  joinedAfterSeq!: number;

  /** The conversation's last_seq when they left: the last message they were there for. */
  @Column({ name: 'left_at_seq', type: 'bigint', transformer: bigintAsNumber })
  leftAtSeq!: number;

  /** Their read watermark as it was when they left. */
  @Column({ name: 'last_read_seq', type: 'bigint', transformer: bigintAsNumber })
  lastReadSeq!: number;

  @Column({ name: 'left_at', type: 'timestamptz', default: () => 'now()' })
  leftAt!: Date;
}
