import type { DataSourceOptions } from 'typeorm';
import { RefreshToken } from '../auth/refresh-token.entity';
import { Tenant } from '../tenants/tenant.entity';
import { User } from '../users/user.entity';
import { Conversation, ConversationMember } from '../conversations/conversation.entity';
import { Message } from '../conversations/message.entity';
import { Foundation1732400000000 } from './migrations/1732400000000-foundation';
import { Messaging1732500000000 } from './migrations/1732500000000-messaging';

export const ENTITIES = [Tenant, User, RefreshToken, Conversation, ConversationMember, Message];
export const MIGRATIONS = [Foundation1732400000000, Messaging1732500000000];

/** The one description of our database, shared by the API, the worker and the CLI. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // The schema only ever changes through migrations.
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20, connectionTimeoutMillis: 10_000 },
  };
}
