import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  type SocketAuthenticator,
  SocketAuthenticatorProvider,
  type SocketIdentity,
} from '../realtime/socket-plugins';
import type { AccessTokenPayload } from './access-token';
import { SessionRevocationsService } from './session-revocations.service';

/**
 * A socket's handshake proves who it is as a REST request does: the access token (`auth.token`),
 * its signature and expiry, and its session not revoked nor its user deactivated. The realtime
 * kernel finds this provider at boot and asks it at every handshake.
 */
@Injectable()
@SocketAuthenticatorProvider()
export class SocketAuthenticatorService implements SocketAuthenticator {
  constructor(
    private readonly jwt: JwtService,
    private readonly revocations: SessionRevocationsService,
  ) {}

  async authenticate(token: unknown): Promise<SocketIdentity | null> {
    if (typeof token !== 'string' || !token) return null;
    let payload: AccessTokenPayload & { exp: number };
    try {
      payload = this.jwt.verify(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    // Throws (503) while Redis cannot be asked: the kernel answers `unavailable`.
    if (!(await this.revocations.isLive(payload))) return null;
    return {
      user: { id: payload.sub, tenantId: payload.tid, role: payload.role },
      sessionId: payload.sid,
      expiresAt: payload.exp,
    };
  }

  isLive({ user, sessionId }: SocketIdentity): Promise<boolean> {
    return this.revocations.isLive({ sid: sessionId, sub: user.id });
  }
}
