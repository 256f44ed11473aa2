import type { AuthUser, LoginResponse, TokenPair } from '@mindsp/contracts';
import { Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantDatabase } from '../database/tenant-database';
import { PasswordHasherService } from '../users/password-hasher.service';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { TenantsRepository } from '../tenants/tenants.repository';
import type { AuthenticatedUser } from '../common/authenticated-user';
import type { AccessTokenPayload } from './access-token';
import type { LoginDto, UpdateMeDto } from './dto/auth.dto';
import { LoginRateLimiterService } from './login-rate-limiter.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionRevocationsService } from './session-revocations.service';

const INVALID_CREDENTIALS = 'Invalid organisation, email or password';
const INVALID_REFRESH = 'Invalid or expired refresh token';
const ACCOUNT_DEACTIVATED = 'This account has been deactivated; ask an administrator';

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
    private readonly tenantDb: TenantDatabase,
    private readonly tenants: TenantsRepository,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordHasherService,
    private readonly limiter: LoginRateLimiterService,
    private readonly revocations: SessionRevocationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.decoyHash = passwords.hash(randomBytes(16).toString('hex'));
  }

  async login(input: LoginDto, ip: string): Promise<LoginResponse> {
    const email = input.email.trim().toLowerCase();
    const tenantSlug = input.tenant.trim().toLowerCase();
    const account = `${tenantSlug}:${email}`;
    const attempt = await this.limiter.begin(ip, account);

    // The tenant first (it is not behind the wall), then the user inside it.
    const tenant = await this.tenants.findBySlug(tenantSlug);
    const user = tenant
      ? await this.tenantDb.transaction(tenant.id, (tx) =>
          this.users.findByEmail(tx, tenant.id, email),
        )
      : null;
    const valid = await this.passwords.verify(
      user?.passwordHash ?? (await this.decoyHash),
      input.password,
    );
    if (!user || !valid) {
      // One answer for wrong tenant, unknown email and wrong password: no account enumeration.
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    // Said only to someone who knows the password: they learn why, nobody else learns more.
    if (user.deactivatedAt) throw new UnauthorizedException(ACCOUNT_DEACTIVATED);
    await this.limiter.succeeded(attempt);
    const tokens = await this.tenantDb.transaction(user.tenantId, async (tx) => {
      // Read again, locked: a deactivation that committed since the password was checked wins.
      const current = await this.users.lock(tx, user.tenantId, user.id);
      return current && !current.deactivatedAt ? this.issueTokens(tx, current, randomUUID()) : null;
    });
    if (!tokens) throw new UnauthorizedException(ACCOUNT_DEACTIVATED);
    return { ...tokens, user: toAuthUser(user) };
  }

  async refresh(presented: string): Promise<TokenPair> {
    const { id, secret } = parseRefreshToken(presented);
    // Read once to learn its tenant; read again, locked, inside that tenant's transaction.
    const known = await this.refreshTokens.find(id);
    if (!known) throw new UnauthorizedException(INVALID_REFRESH);
    const outcome = await this.tenantDb.transaction(known.tenantId, async (tx) => {
      // The user first, as a deactivation locks them (then their tokens): no deadlock between them.
      const user = await this.users.lock(tx, known.tenantId, known.userId);
      // The row lock makes two concurrent refreshes with the same token see each other.
      const token = await this.refreshTokens.findForUpdate(tx, id);
      if (!token || !timingSafeEqual(Buffer.from(token.secretHash, 'hex'), sha256(secret)))
        return 'invalid' as const;
      if (token.revokedAt) {
        // A rotated token presented again was copied: end every session of that family.
        await this.refreshTokens.revokeFamily(token.familyId, tx);
        return { reusedFamily: token.familyId };
      }
      if (token.expiresAt.getTime() <= Date.now()) return 'invalid' as const;
      if (!user || user.id !== token.userId || user.deactivatedAt) return 'invalid' as const;
      await this.refreshTokens.revoke(tx, token.id);
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
    const token = await this.refreshTokens.find(parsed.id);
    if (!token || !timingSafeEqual(Buffer.from(token.secretHash, 'hex'), sha256(parsed.secret)))
      return;
    await this.refreshTokens.revokeFamily(token.familyId);
    await this.revocations.revoke(token.familyId);
  }

  async me(caller: AuthenticatedUser): Promise<AuthUser> {
    return toAuthUser(await this.findCaller(caller));
  }

  async updateMe(caller: AuthenticatedUser, changes: UpdateMeDto): Promise<AuthUser> {
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      const user = await this.findCaller(caller, tx);
      if (changes.locale) user.locale = changes.locale;
      if (changes.displayName) user.displayName = changes.displayName.trim();
      return toAuthUser(await this.users.save(tx, user));
    });
  }

  private async findCaller(caller: AuthenticatedUser, tx?: EntityManager): Promise<User> {
    const user = tx
      ? await this.users.findById(tx, caller.tenantId, caller.id)
      : await this.tenantDb.transaction(caller.tenantId, (own) =>
          this.users.findById(own, caller.tenantId, caller.id),
        );
    if (!user) throw new NotFoundException('User not found');
    return user;
  }

  /**
   * In the user's tenant transaction, the user's row held (UsersRepository.lock) and seen active:
   * a deactivation waits for this session to commit, then ends it with the others. The database
   * fills the token's tenant from the user.
   */
  private async issueTokens(tx: EntityManager, user: User, familyId: string): Promise<TokenPair> {
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
    const token = await this.refreshTokens.insert(tx, {
      userId: user.id,
      familyId,
      secretHash: sha256(secret).toString('hex'),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtl * 1000),
    });
    return { accessToken, refreshToken: `${token.id}.${secret}` };
  }
}

function parseRefreshToken(presented: string): { id: string; secret: string } {
  const [id, secret, ...rest] = presented.split('.');
  if (!id || !secret || rest.length > 0 || !isUUID(id))
    throw new UnauthorizedException(INVALID_REFRESH);
  return { id, secret };
}
