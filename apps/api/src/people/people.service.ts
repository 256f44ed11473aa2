import { LIMITS, type Page, type PresenceView, type UserSummary } from '@mindsp/contracts';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { decodeCursor, encodeCursor, type PageQueryDto } from '../common/pagination';
import { isBlank } from '../common/validators';
import { TenantDatabase } from '../database/tenant-database';
import type { CreateUserDto, UpdateProfileDto, UserListQueryDto } from './dto/people.dto';
import { PasswordHasherService } from '../users/password-hasher.service';
import { PresenceService } from './presence.service';
import type { User } from '../users/user.entity';
import { UsersRepository, type UserPageQuery } from '../users/users.repository';

export function toUserSummary(
  { id, email, displayName, role, statusText, deactivatedAt }: User,
  presence?: PresenceView,
): UserSummary {
  return {
    id,
    email,
    displayName,
    role,
    statusText: statusText ?? null,
    active: !deactivatedAt,
    online: presence?.online ?? false,
    lastSeenAt: presence?.online ? null : (presence?.lastSeenAt ?? null),
  };
}

/** PostgreSQL's unique_violation: here, users_tenant_email_unique. */
function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505'
  );
}

/** The people of a tenant: who they are, and whether they are online. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasherService,
    private readonly presence: PresenceService,
  ) {}

  /** The caller's tenant only, by name; `q` ignores case and accents ("helene" finds "Hélène"). */
  list(caller: AuthenticatedUser, query: UserListQueryDto): Promise<Page<UserSummary>> {
    return this.page(caller, query, { q: query.q?.trim() || undefined });
  }

  /**
   * Who of the caller's tenant is online now, by name, a page at a time: asked for, never
   * broadcast. A person who comes online later is in the next read, not pushed to everyone.
   */
  async online(caller: AuthenticatedUser, query: PageQueryDto): Promise<Page<UserSummary>> {
    const ids = await this.presence.onlineIds(caller.tenantId);
    if (!ids.length) return { items: [], nextCursor: null };
    return this.page(caller, query, { ids });
  }

  private async page(
    caller: AuthenticatedUser,
    query: PageQueryDto,
    filter: Pick<UserPageQuery, 'q' | 'ids'>,
  ): Promise<Page<UserSummary>> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const after = decodeCursor<[string, string]>(query.cursor, ['string', 'uuid']);
    const rows = await this.tenantDb.transaction(caller.tenantId, (tx) =>
      this.users.page(tx, caller.tenantId, { limit: limit + 1, after, ...filter }),
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const presence = await this.presence.of(caller.tenantId, page);
    return {
      items: page.map((user) => toUserSummary(user, presence.get(user.id))),
      nextCursor: rows.length > limit && last ? encodeCursor([last.displayName, last.id]) : null,
    };
  }

  /** One person of the caller's tenant, with status and presence; another tenant's: 404. */
  async profile(caller: AuthenticatedUser, userId: string): Promise<UserSummary> {
    const user = await this.tenantDb.transaction(caller.tenantId, (tx) =>
      this.users.findById(tx, caller.tenantId, userId),
    );
    if (!user) throw new NotFoundException('User not found');
    const presence = await this.presence.of(caller.tenantId, [user]);
    return toUserSummary(user, presence.get(user.id));
  }

  /** The caller's own name and status text; a blank status clears it. */
  async updateProfile(caller: AuthenticatedUser, changes: UpdateProfileDto): Promise<UserSummary> {
    const user = await this.tenantDb.transaction(caller.tenantId, async (tx) => {
      const me = await this.users.findById(tx, caller.tenantId, caller.id);
      if (!me) throw new NotFoundException('User not found');
      if (changes.displayName) me.displayName = changes.displayName;
      if (changes.statusText !== undefined)
        me.statusText = isBlank(changes.statusText) ? null : changes.statusText;
      return this.users.save(tx, me);
    });
    const presence = await this.presence.of(caller.tenantId, [user]);
    return toUserSummary(user, presence.get(user.id));
  }

  async create(caller: AuthenticatedUser, input: CreateUserDto): Promise<UserSummary> {
    const email = input.email.trim().toLowerCase();
    const taken = () => new ConflictException(`A user with email ${email} already exists`);
    // A fast refusal without hashing; the unique constraint decides between concurrent creates.
    if (
      await this.tenantDb.transaction(caller.tenantId, (tx) =>
        this.users.emailTaken(tx, caller.tenantId, email),
      )
    )
      throw taken();
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.tenantDb
      .transaction(caller.tenantId, (tx) =>
        this.users.insert(tx, {
          tenantId: caller.tenantId,
          email,
          displayName: input.displayName,
          passwordHash,
          role: input.role ?? 'member',
          locale: input.locale ?? 'fr',
        }),
      )
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw taken();
        throw error;
      });
    return toUserSummary(user);
  }
}
