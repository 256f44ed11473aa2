import type { Locale, Role } from '@mindsp/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
@Index(['tenantId', 'email'], { unique: true })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  /** Stored lower-cased, so uniqueness within a tenant ignores case. */
  @Column()
  email!: string;

  @Column({ name: 'display_name' })
  displayName!: string;

  @Column({ name: 'password_hash' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16, default: 'member' })
  role!: Role;

  @Column({ type: 'varchar', length: 8, default: 'fr' })
  locale!: Locale;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the user's last connection closed; null if never connected. Online state is in Redis. */
  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt!: Date | null;

  /** What the person tells others of themselves ("En intervention"); null when unset. */
  @Column({ name: 'status_text', type: 'varchar', length: 140, nullable: true })
  statusText!: string | null;

  /** Set by an admin: no sign-in, no refresh, sockets closed. Their messages stay. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;
}
