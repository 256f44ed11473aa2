import { LIMITS, type Page, type PresenceView, type UserSummary } from '@mindsp/contracts';
import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { PasswordHasher } from '../auth/password-hasher';
import { containsPattern, decodeCursor, encodeCursor } from '../common/pagination';
import type { CreateUserDto, UserListQueryDto } from './dto/users.dto';
import { PresenceService } from '../presence/presence.service';
import { User } from './user.entity';

export function toUserSummary(
  { id, email, displayName, role }: User,
  presence?: PresenceView,
): UserSummary {
  return {
    id,
    email,
    displayName,
    role,
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

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly presence: PresenceService,
  ) {}

  /** The caller's tenant only, by name; `q` ignores case and accents ("helene" finds "Hélène"). */
  async list(caller: AuthenticatedUser, query: UserListQueryDto): Promise<Page<UserSummary>> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const after = decodeCursor<[string, string]>(query.cursor, ['string', 'uuid']);
    const rows = this.db
      .getRepository(User)
      .createQueryBuilder('user')
      .where('user.tenant_id = :tenantId', { tenantId: caller.tenantId })
      .orderBy('user.display_name', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .take(limit + 1);
    const q = query.q?.trim();
    if (q) {
      rows.andWhere(
        `(immutable_unaccent(lower(user.display_name)) LIKE immutable_unaccent(lower(:pattern)) ESCAPE '\\'
          OR immutable_unaccent(lower(user.email)) LIKE immutable_unaccent(lower(:pattern)) ESCAPE '\\')`,
        { pattern: containsPattern(q) },
      );
    }
    if (after)
      rows.andWhere('(user.display_name, user.id) > (:name, :id)', {
        name: after[0],
        id: after[1],
      });
    const users = await rows.getMany();
    const page = users.slice(0, limit);
    const last = page[page.length - 1];
    const presence = await this.presence.of(caller.tenantId, page);
    return {
      items: page.map((user) => toUserSummary(user, presence.get(user.id))),
      nextCursor: users.length > limit && last ? encodeCursor([last.displayName, last.id]) : null,
    };
  }

  async create(caller: AuthenticatedUser, input: CreateUserDto): Promise<UserSummary> {
    const email = input.email.trim().toLowerCase();
    const taken = () => new ConflictException(`A user with email ${email} already exists`);
    // A fast refusal without hashing; the unique constraint decides between concurrent creates.
    if (await this.db.getRepository(User).existsBy({ tenantId: caller.tenantId, email }))
      throw taken();
    const user = await this.db
      .getRepository(User)
      .save({
        tenantId: caller.tenantId,
        email,
        displayName: input.displayName,
        passwordHash: await this.passwords.hash(input.password),
        role: input.role ?? 'member',
        locale: input.locale ?? 'fr',
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw taken();
        throw error;
      });
    return toUserSummary(user);
  }
}
