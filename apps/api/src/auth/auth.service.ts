import type { AuthUser, LoginResponse, TokenPair } from '@mindsp/contracts';
import { Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import type { AccessTokenPayload, AuthenticatedUser } from './authenticated-user';
import type { LoginDto, UpdateMeDto } from './dto/auth.dto';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';
import { SessionRevocations } from './session-revocations';

const INVALID_CREDENTIALS = 'Invalid organisation, email or password';
const INVALID_REFRESH = 'Invalid or expired refresh token';

export function toAuthUser(user: User): AuthUser {
  const { id, tenantId, email, displayName, role, locale } = user;
  return { id, tenantId, email, displayName, role, locale };
}

function sha256(value: string) {
  return createHash('sha256').update(value).digest();
}

@Injectable()
export class AuthService {
  /** Verified against when the account does not exist, so both failures take the same time. */
  private readonly decoyHash: Promise<string>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly revocations: SessionRevocations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.decoyHash = passwords.hash(randomBytes(16).toString('hex'));
  }

  async login(input: LoginDto, ip: string): Promise<LoginResponse> {
    const email = input.email.trim().toLowerCase();
    const tenantSlug = input.tenant.trim().toLowerCase();
    const account = `${tenantSlug}:${email}`;
    const attempt = await this.limiter.begin(ip, account);

    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('user')
      .innerJoin(Tenant, 'tenant', 'tenant.id = user.tenant_id')
      .where('tenant.slug = :tenantSlug AND user.email = :email', { tenantSlug, email })
      .getOne();
    const valid = await this.passwords.verify(
      user?.passwordHash ?? (await this.decoyHash),
      input.password,
    );
    if (!user || !valid) {
      // One answer for wrong tenant, unknown email and wrong password: no account enumeration.
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    await this.limiter.succeeded(attempt);
    const tokens = await this.issueTokens(this.db.manager, user, randomUUID());
    return { ...tokens, user: toAuthUser(user) };
  }

  async refresh(presented: string): Promise<TokenPair> {
    const { id, secret } = parseRefreshToken(presented);
    const outcome = await this.db.transaction(async (tx) => {
      // The row lock makes two concurrent refreshes with the same token see each other.
      const token = await tx
        .getRepository(RefreshToken)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.id = :id', { id })
        .getOne();
      if (!token || !timingSafeEqual(Buffer.from(token.secretHash, 'hex'), sha256(secret)))
        return 'invalid' as const;
      if (token.revokedAt) {
        // A rotated token presented again was copied: end every session of that family.
        await revokeFamily(tx, token.familyId);
        return { reusedFamily: token.familyId };
      }
      if (token.expiresAt.getTime() <= Date.now()) return 'invalid' as const;
      const user = await tx.getRepository(User).findOneBy({ id: token.userId });
      if (!user) return 'invalid' as const;
      await tx.getRepository(RefreshToken).update({ id: token.id }, { revokedAt: new Date() });
      return this.issueTokens(tx, user, token.familyId);
    });
    if (outcome === 'invalid') throw new UnauthorizedException(INVALID_REFRESH);
    if ('reusedFamily' in outcome) {
      // After the commit: the access tokens and sockets of the copied session end too.
      await this.revocations.revoke(outcome.reusedFamily);
      throw new UnauthorizedException('Refresh token already used; sign in again');
    }
    return outcome;
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored: logout always succeeds. */
  async logout(presented: string): Promise<void> {
    let parsed: { id: string; secret: string };
    try {
      parsed = parseRefreshToken(presented);
    } catch {
      return;
    }
    const token = await this.db.getRepository(RefreshToken).findOneBy({ id: parsed.id });
    if (!token || !timingSafeEqual(Buffer.from(token.secretHash, 'hex'), sha256(parsed.secret)))
      return;
    await revokeFamily(this.db.manager, token.familyId);
    await this.revocations.revoke(token.familyId);
  }

  async me(caller: AuthenticatedUser): Promise<AuthUser> {
    return toAuthUser(await this.findCaller(caller));
  }

  async updateMe(caller: AuthenticatedUser, changes: UpdateMeDto): Promise<AuthUser> {
    const user = await this.findCaller(caller);
    if (changes.locale) user.locale = changes.locale;
    if (changes.displayName) user.displayName = changes.displayName.trim();
    return toAuthUser(await this.db.getRepository(User).save(user));
  }

  private async findCaller(caller: AuthenticatedUser): Promise<User> {
    const user = await this.db
      .getRepository(User)
      .findOneBy({ id: caller.id, tenantId: caller.tenantId });
    if (!user) throw new NotFoundException('User not found');
    return user;
  }

  private async issueTokens(db: EntityManager, user: User, familyId: string): Promise<TokenPair> {
    const payload: AccessTokenPayload = {
      sub: user.id,
      tid: user.tenantId,
      role: user.role,
      sid: familyId,
    };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.accessTokenTtl,
    });
    const secret = randomBytes(32).toString('base64url');
    const token = await db.getRepository(RefreshToken).save({
      userId: user.id,
      familyId,
      secretHash: sha256(secret).toString('hex'),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtl * 1000),
      revokedAt: null,
    });
    return { accessToken, refreshToken: `${token.id}.${secret}` };
  }
}

function revokeFamily(db: EntityManager, familyId: string) {
  return db
    .getRepository(RefreshToken)
    .update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseRefreshToken(presented: string): { id: string; secret: string } {
  const [id, secret, ...rest] = presented.split('.');
  if (!id || !secret || rest.length > 0 || !UUID.test(id))
    throw new UnauthorizedException(INVALID_REFRESH);
  return { id, secret };
}
