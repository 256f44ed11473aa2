import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type { AuthenticatedUser } from '../common/authenticated-user';
import type { AccessTokenPayload } from './access-token';
import { SessionRevocationsService } from './session-revocations.service';
import { signingKey } from './signing-key';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly revocations: SessionRevocationsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: signingKey(config),
      // Pinning the algorithm refuses `alg: none` and key-confusion tokens.
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AuthenticatedUser> {
    if (!(await this.revocations.isLive(payload)))
      throw new UnauthorizedException('This session has ended; sign in again');
    return { id: payload.sub, tenantId: payload.tid, role: payload.role };
  }
}
