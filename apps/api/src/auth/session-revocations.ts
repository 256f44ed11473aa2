import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type Redis from 'ioredis';
import type { AccessTokenPayload } from './authenticated-user';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RealtimeService } from '../realtime/realtime.service';
import { REDIS } from '../redis/redis.module';

const revokedKey = (sessionId: string) => `revoked-session:${sessionId}`;

/**
 * A session is one refresh-token family; its id is the `sid` of every access token issued in it.
 * Ending a session (logout, a reused refresh token) must also end its access tokens, which
 * would otherwise work until they expire: the id is kept in Redis for one access-token
 * lifetime (no token of it outlives that), REST and socket authentication refuse it, and the
 * session's open sockets are closed on every instance at once.
 */
@Injectable()
export class SessionRevocations {
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
   * False for a revoked session, and for a token without one (it could never be revoked). While
   * Redis cannot be asked, 503 (retry) rather than letting an ended session back in or a 500:
   * sockets authenticated before the outage go on sending.
   */
  async isLive(token: Pick<AccessTokenPayload, 'sid'>): Promise<boolean> {
    if (typeof token.sid !== 'string') return false;
    let revoked: number;
    try {
      revoked = await this.redis.exists(revokedKey(token.sid));
    } catch {
      throw new ServiceUnavailableException(
        'Sessions cannot be checked now; try again in a moment',
      );
    }
    return revoked === 0;
  }
}
