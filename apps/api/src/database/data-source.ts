import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { Foundation1732400000000 } from './migrations/1732400000000-foundation';
import { Messaging1732500000000 } from './migrations/1732500000000-messaging';
import { APP_ROLE, TenantWall1733000000000 } from './migrations/1733000000000-tenant-wall';
import { FormerMembers1733100000000 } from './migrations/1733100000000-former-members';
import { SearchUnderWall1733200000000 } from './migrations/1733200000000-search-under-wall';
import { Outbox1733300000000 } from './migrations/1733300000000-outbox';
import { Notifications1733400000000 } from './migrations/1733400000000-notifications';
import { Reminders1733450000000 } from './migrations/1733450000000-reminders';
import { Alerts1733460000000 } from './migrations/1733460000000-alerts';
import { ChangeStream1733500000000 } from './migrations/1733500000000-change-stream';

/**
 * Every entity file, for the data sources built outside Nest (CLI, tests, bench). Inside the app,
 * each feature module registers its own (`TypeOrmModule.forFeature`), so deleting a feature's
 * folder removes its entities too.
 */
export const ENTITY_FILES = join(__dirname, '..', '**', '*.entity.{ts,js}');
export const MIGRATIONS = [
  Foundation1732400000000,
  Messaging1732500000000,
  TenantWall1733000000000,
  FormerMembers1733100000000,
  SearchUnderWall1733200000000,
  Outbox1733300000000,
  Notifications1733400000000,
  Reminders1733450000000,
  Alerts1733460000000,
  ChangeStream1733500000000,
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
    entities: [ENTITY_FILES],
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
