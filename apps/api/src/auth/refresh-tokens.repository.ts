import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan, type EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';

export type NewRefreshToken = Pick<
  RefreshToken,
  'userId' | 'familyId' | 'secretHash' | 'expiresAt'
>;

/**
 * Refresh tokens are not behind the tenant wall: a refresh is looked up by its id before its
 * tenant is known (the row then names it). Issuing one must run in its user's tenant transaction,
 * where the database fills in the tenant.
 */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  find(id: string): Promise<RefreshToken | null> {
    return this.db.getRepository(RefreshToken).findOneBy({ id });
  }

  /** Locks the row: two concurrent refreshes with one token see each other. */
  findForUpdate(tx: EntityManager, id: string): Promise<RefreshToken | null> {
    return tx
      .getRepository(RefreshToken)
      .createQueryBuilder('token')
      .setLock('pessimistic_write')
      .where('token.id = :id', { id })
      .getOne();
  }

  insert(tx: EntityManager, token: NewRefreshToken): Promise<RefreshToken> {
    return tx.getRepository(RefreshToken).save({ ...token, revokedAt: null });
  }

  async revoke(tx: EntityManager, id: string): Promise<void> {
    await tx.getRepository(RefreshToken).update({ id }, { revokedAt: new Date() });
  }

  async revokeFamily(familyId: string, tx: EntityManager = this.db.manager): Promise<void> {
    await tx
      .getRepository(RefreshToken)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /**
   * Ends every session of a user at once and returns their ids. A session whose refresh token has
   * not expired may still have a live access token, so each of those is returned, revoked or not.
   */
  async revokeAllOf(tx: EntityManager, userId: string): Promise<string[]> {
    const rows: { family_id: string }[] = await tx.query(
      `SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = $1 AND expires_at > now()`,
      [userId],
    );
    await tx
      .getRepository(RefreshToken)
      .update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return rows.map((row) => row.family_id);
  }

  /** Deletes tokens expired before `before`; returns how many. */
  async purgeExpired(before: Date): Promise<number> {
    const result = await this.db
      .getRepository(RefreshToken)
      .delete({ expiresAt: LessThan(before) });
    return result.affected ?? 0;
  }
}
