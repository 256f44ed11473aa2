import type { UserSummary } from '@mindsp/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { SessionRevocationsService } from '../auth/session-revocations.service';
import { TenantDatabase } from '../database/tenant-database';
import { RealtimeService } from '../realtime/realtime.service';
import { toUserSummary } from './people.service';
import { UsersRepository } from '../users/users.repository';

/**
 * An admin deactivates and reactivates the people of their tenant. Deactivation ends every session
 * of the person at once (refresh refused, access tokens refused, sockets closed on every
 * instance) and keeps their row, so their messages keep their name.
 */
@Injectable()
export class PeopleAdminService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly revocations: SessionRevocationsService,
    private readonly realtime: RealtimeService,
  ) {}

  async deactivate(caller: AuthenticatedUser, userId: string): Promise<UserSummary> {
    // An organisation must keep someone who can reactivate: an admin cannot lock themselves out.
    if (userId === caller.id) throw new ConflictException('You cannot deactivate yourself');
    let ending = false;
    const { user, sessions } = await this.tenantDb
      .transaction(caller.tenantId, async (tx) => {
        // Locked: a sign-in or refresh issuing a session holds the row until it commits, so its
        // session is among those read below, or it waits and finds the account deactivated.
        const found = await this.users.lock(tx, caller.tenantId, userId);
        if (!found) throw new NotFoundException('User not found');
        ending = !found.deactivatedAt;
        found.deactivatedAt ??= new Date();
        const saved = await this.users.save(tx, found);
        const sessions = await this.refreshTokens.revokeAllOf(tx, userId);
        // Before the commit: from the moment it is visible, none of their access tokens works.
        await this.revocations.endUser(userId);
        return { user: saved, sessions };
      })
      .catch(async (error: unknown) => {
        // Not deactivated after all (the commit failed): their tokens work again.
        if (ending) await this.revocations.restoreUser(userId).catch(() => undefined);
        throw error;
      });
    for (const session of sessions) await this.revocations.revoke(session);
    this.realtime.disconnectUser(userId);
    return toUserSummary(user);
  }

  async reactivate(caller: AuthenticatedUser, userId: string): Promise<UserSummary> {
    const user = await this.tenantDb.transaction(caller.tenantId, async (tx) => {
      const found = await this.users.findById(tx, caller.tenantId, userId);
      if (!found) throw new NotFoundException('User not found');
      found.deactivatedAt = null;
      return this.users.save(tx, found);
    });
    await this.revocations.restoreUser(userId);
    return toUserSummary(user);
  }
}
