import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { containsPattern } from '../common/pagination';
import { User } from './user.entity';

export interface UserPageQuery {
  limit: number;
  /** Matches display name or email anywhere, ignoring case and accents. */
  q?: string;
  /** The last row of the previous page: (display name, id). */
  after?: [string, string];
  /** Only these users (e.g. those online now). */
  ids?: string[];
}

export type NewUser = Pick<
  User,
  'tenantId' | 'email' | 'displayName' | 'passwordHash' | 'role' | 'locale'
>;

/**
 * The users table. Every method names its tenant (the first wall) and runs in that tenant's
 * transaction (TenantDatabase), where row-level security is the second.
 */
@Injectable()
export class UsersRepository {
  /** By display name then id; `limit` rows (callers ask one more to know if a page follows). */
  page(
    tx: EntityManager,
    tenantId: string,
    { limit, q, after, ids }: UserPageQuery,
  ): Promise<User[]> {
    const rows = tx
      .getRepository(User)
      .createQueryBuilder('user')
      .where('user.tenant_id = :tenantId', { tenantId })
      .orderBy('user.display_name', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .take(limit);
    if (q) {
      rows.andWhere(
        `(immutable_unaccent(lower(user.display_name)) LIKE immutable_unaccent(lower(:pattern)) ESCAPE '\\'
          OR immutable_unaccent(lower(user.email)) LIKE immutable_unaccent(lower(:pattern)) ESCAPE '\\')`,
        { pattern: containsPattern(q) },
      );
    }
    if (ids) rows.andWhere('user.id = ANY(:ids::uuid[])', { ids });
    if (after) {
      rows.andWhere('(user.display_name, user.id) > (:name, :id)', {
        name: after[0],
        id: after[1],
      });
    }
    return rows.getMany();
  }

  findById(tx: EntityManager, tenantId: string, id: string): Promise<User | null> {
    return tx.getRepository(User).findOneBy({ tenantId, id });
  }

  findByEmail(tx: EntityManager, tenantId: string, email: string): Promise<User | null> {
    return tx.getRepository(User).findOneBy({ tenantId, email });
  }

  emailTaken(tx: EntityManager, tenantId: string, email: string): Promise<boolean> {
    return tx.getRepository(User).existsBy({ tenantId, email });
  }

  /** Which of these ids are people of the tenant, and whether each is active (not deactivated). */
  async activityOf(
    tx: EntityManager,
    tenantId: string,
    ids: string[],
  ): Promise<Map<string, boolean>> {
    const rows: { id: string; active: boolean }[] = await tx.query(
      `SELECT id, deactivated_at IS NULL AS active FROM users
       WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, ids],
    );
    return new Map(rows.map((row) => [row.id, row.active]));
  }

  /** The active people among these ids, in their order: audiences leave the deactivated out. */
  async activeAmong(tx: EntityManager, tenantId: string, ids: string[]): Promise<string[]> {
    const activity = await this.activityOf(tx, tenantId, ids);
    return ids.filter((id) => activity.get(id) === true);
  }

  /**
   * The user's row, locked (FOR NO KEY UPDATE) by a deactivation and by whatever issues a session
   * in the same transaction: a sign-in or refresh commits its session before the deactivation
   * reads the sessions to end, or waits for it and finds the account deactivated. Exclusive for
   * both, not shared for sign-ins: PostgreSQL lets a new share lock in while others are held, so a
   * stream of sign-ins would starve the deactivation waiting behind them. Rows that only
   * reference the user (their messages, memberships) are not held up by it.
   */
  lock(tx: EntityManager, tenantId: string, id: string): Promise<User | null> {
    return tx
      .getRepository(User)
      .createQueryBuilder('user')
      .setLock('for_no_key_update')
      .where('user.tenant_id = :tenantId AND user.id = :id', { tenantId, id })
      .getOne();
  }

  lastSeenOf(tx: EntityManager, tenantId: string, ids: string[]) {
    return tx
      .getRepository(User)
      .find({ select: { id: true, lastSeenAt: true }, where: { tenantId, id: In(ids) } });
  }

  insert(tx: EntityManager, user: NewUser): Promise<User> {
    return tx.getRepository(User).save(user);
  }

  save(tx: EntityManager, user: User): Promise<User> {
    return tx.getRepository(User).save(user);
  }

  /** When each of these people was last seen, in one statement. */
  async markSeen(tx: EntityManager, tenantId: string, seen: Map<string, Date>) {
    await tx.query(
      `UPDATE users u SET last_seen_at = s.at
       FROM unnest($2::uuid[], $3::timestamptz[]) AS s(id, at)
       WHERE u.tenant_id = $1 AND u.id = s.id`,
      [tenantId, [...seen.keys()], [...seen.values()].map((at) => at.toISOString())],
    );
  }
}
