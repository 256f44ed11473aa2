import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AccessTokenPayload } from './access-token';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RealtimeService } from '../realtime/realtime.service';
import { REDIS } from '../redis/redis.module';

const revokedKey = (sessionId: string) => `revoked-session:${sessionId}`;
const deactivatedKey = (userId: string) => `deactivated-user:${userId}`;

/**
 * A session is one refresh-token family; its id is the `sid` of every access token issued in it.
 * Ending a session (logout, a reused refresh token) must also end its access tokens, which
 * would otherwise work until they expire: the id is kept in Redis for one access-token
 * lifetime (no token of it outlives that), REST and socket authentication refuse it, and the
 * session's open sockets are closed on every instance at once.
 *
 * A deactivated user's every access token is refused the same way, whatever its session: a
 * session issued by a sign-in in flight while the deactivation committed is not among those the
 * deactivation found to revoke.
 */
@Injectable()
export class SessionRevocationsService {
  private readonly accessTokenTtl: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly realtime: RealtimeService,
  ) {
    this.accessTokenTtl = config.accessTokenTtl;
  }

  async revoke(sessionId: string): Promise<void> {
    // Recorded before the sockets are closed: a socket authenticating meanwhile finds it
    // (the connection gateway checks again once the socket is registered).
    await this.redis.set(revokedKey(sessionId), '1', 'EX', this.accessTokenTtl);
    this.realtime.disconnectSession(sessionId);
  }

  /**
   * Refuses every access token of the user from now until the last one issued has expired. While
   * Redis cannot be told, 503: the deactivation is rolled back rather than half done.
   */
  async endUser(userId: string): Promise<void> {
    try {
      await this.redis.set(deactivatedKey(userId), '1', 'EX', this.accessTokenTtl);
    } catch {
      throw new ServiceUnavailableException('Sessions cannot be ended now; try again in a moment');
    }
  }

  /** A reactivated user signs in again (the sessions ended at their deactivation stay ended). */
  async restoreUser(userId: string): Promise<void> {
    await this.redis.del(deactivatedKey(userId));
  }

  /**
   * False for a revoked session or a deactivated user, and for a token without a session (it
   * could never be revoked). While
   * Redis cannot be asked, 503 (retry) rather than letting an ended session back in or a 500:
   * sockets authenticated before the outage go on sending.
   */
  async isLive(token: Pick<AccessTokenPayload, 'sid' | 'sub'>): Promise<boolean> {
    if (typeof token.sid !== 'string' || typeof token.sub !== 'string') return false;
    let revoked: number;
    try {
      // One round trip for both: EXISTS counts the keys that exist.
      revoked = await this.redis.exists(revokedKey(token.sid), deactivatedKey(token.sub));
    } catch {
      throw new ServiceUnavailableException(
        'Sessions cannot be checked now; try again in a moment',
      );
    }
    return revoked === 0;
  }
}
