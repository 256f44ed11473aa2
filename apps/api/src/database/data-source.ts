import type { DataSourceOptions } from 'typeorm';
import { RefreshToken } from '../auth/refresh-token.entity';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import {
  Conversation,
  ConversationFormerMember,
  ConversationMember,
} from '../conversations/conversation.entity';
import { Message } from '../conversations/message.entity';
import { Foundation1732400000000 } from './migrations/1732400000000-foundation';
import { Messaging1732500000000 } from './migrations/1732500000000-messaging';
import { APP_ROLE, TenantWall1733000000000 } from './migrations/1733000000000-tenant-wall';
import { FormerMembers1733100000000 } from './migrations/1733100000000-former-members';

export const ENTITIES = [
  Tenant,
  User,
  RefreshToken,
  Conversation,
  ConversationMember,
  ConversationFormerMember,
  Message,
];
export const MIGRATIONS = [
  Foundation1732400000000,
  Messaging1732500000000,
  TenantWall1733000000000,
  FormerMembers1733100000000,
];

/**
 * The one description of our database, shared by the API, the worker and the CLI. `asApp` runs
 * every connection as the app role, which row-level security holds to one tenant per transaction;
 * without it (the CLI: migrations, seed) the connection is the tables' owner.
 */
export function dataSourceOptions(
  databaseUrl: string,
  { asApp = false }: { asApp?: boolean } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // The schema only ever changes through migrations.
    synchronize: false,
    migrationsRun: false,
    // The extensions come from migrations; the app role could not install them anyway.
    installExtensions: false,
    extra: {
      max: 20,
      connectionTimeoutMillis: 10_000,
      ...(asApp ? { options: `-c role=${APP_ROLE}` } : {}),
    },
  };
}
