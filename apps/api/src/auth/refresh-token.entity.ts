import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One issued refresh token. Tokens rotate: each refresh revokes the one presented and issues a
 * successor in the same family. Presenting a revoked token again means it leaked, so the whole
 * family is revoked.
 */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** Filled by the database from the user (a trigger): the tenant to set before loading them. */
  @Column({ name: 'tenant_id', type: 'uuid', insert: false, update: false })
  tenantId!: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId!: string;

  /** sha256 of the secret half; the secret itself is never stored. */
  @Column({ name: 'secret_hash' })
  secretHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
