import type { AttachmentView, TimelineNote } from '@mindsp/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintAsNumber } from './conversation.entity';

@Entity('messages')
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  seq!: number;

  /** The conversation's change number of this message's latest version (sent, edited, deleted). */
  @Column({ name: 'change_seq', type: 'bigint', transformer: bigintAsNumber })
  changeSeq!: number;

  @Column({ name: 'sender_id', type: 'uuid' })
  senderId!: string;

  @Column({ name: 'client_message_id', type: 'varchar', length: 64 })
  clientMessageId!: string;

  /** Plain text, stored as sent (trimmed); never HTML. Empty once deleted. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  /** The message this one answers (of the same conversation), if any. */
  @Column({ name: 'reply_to_id', type: 'uuid', nullable: true })
  replyToId!: string | null;
  /** Views of the files sent with it (the rows are message_attachments'); emptied on deletion. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  attachments!: AttachmentView[];
  /** Set on a timeline note the server wrote (a rename, people added or removed); body is empty. */
  @Column({ type: 'jsonb', nullable: true })
  note!: TimelineNote | null;

  @Column({ name: 'pinned_at', type: 'timestamptz', nullable: true })
  pinnedAt!: Date | null;

  @Column({ name: 'pinned_by', type: 'uuid', nullable: true })
  pinnedBy!: string | null;
}
