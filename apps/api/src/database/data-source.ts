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
import { RepliesMentionsMembership1733800000000 } from './migrations/1733800000000-replies-mentions-membership';
import { Attachments1733700000000 } from './migrations/1733700000000-attachments';
import { ReactionsPinsNotes1733600000000 } from './migrations/1733600000000-reactions-pins-notes';
import { Drafts1733900000000 } from './migrations/1733900000000-drafts';
import { PeopleStatus1733910000000 } from './migrations/1733910000000-people-status';
import { ArchivedMembersIndex1733920000000 } from './migrations/1733920000000-archived-members-index';
import { SearchIndexNoPendingList1733930000000 } from './migrations/1733930000000-search-index-no-pending-list';
import { TenantStorage1733940000000 } from './migrations/1733940000000-tenant-storage';
import { ReactionSpelling1734000000000 } from './migrations/1734000000000-reaction-spelling';

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
  RepliesMentionsMembership1733800000000,
  Attachments1733700000000,
  ReactionsPinsNotes1733600000000,
  Drafts1733900000000,
  PeopleStatus1733910000000,
  ArchivedMembersIndex1733920000000,
  SearchIndexNoPendingList1733930000000,
  TenantStorage1733940000000,
  ReactionSpelling1734000000000,
];

/** How long the app's pool waits for PostgreSQL (see `databaseTimeouts` in the config). */
export interface DatabaseTimeouts {
  connectSeconds: number;
  querySeconds: number;
}

/**
 * A transaction whose client vanished (a network cut, an instance killed mid-send) would keep its
 * row locks until TCP noticed, hours later, and every send to that conversation would wait on it:
 * PostgreSQL ends such a session after this long idle inside a transaction. Ours never wait that
 * long between two statements.
 */
const ABANDONED_TRANSACTION_MS = 10_000;

/**
 * The one description of our database, shared by the API, the worker and the CLI. `asApp` runs
 * every connection as the app role, which row-level security holds to one tenant per transaction;
 * without it (the CLI: migrations, seed) the connection is the tables' owner. `timeouts` bound the
 * app's waits, so a lost database answers 503 instead of hanging (never the CLI's: a migration may
 * take its time).
 *
 * Both are startup options of the connection, which a pooler in transaction mode (PgBouncer) does
 * not pass on: with `transactionPooling` none is sent, and the URL's user must be the app role
 * itself, logging in, with `ALTER ROLE mindsp_app SET idle_in_transaction_session_timeout = '10s'`
 * (checked at boot: poolerRoleProblem). `app.tenant_id` needs nothing: it is transaction-local.
 */
export function dataSourceOptions(
  databaseUrl: string,
  {
    asApp = false,
    timeouts,
    transactionPooling = false,
  }: { asApp?: boolean; timeouts?: DatabaseTimeouts; transactionPooling?: boolean } = {},
): DataSourceOptions {
  const role = asApp && !transactionPooling ? `-c role=${APP_ROLE}` : '';
  const abandoned =
    timeouts && !transactionPooling
      ? `-c idle_in_transaction_session_timeout=${ABANDONED_TRANSACTION_MS}`
      : '';
  const options = [role, abandoned].filter(Boolean).join(' ');
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
      // pg-pool closes a connection idle for 10 s by default: under uneven traffic the pool kept
      // closing and reopening backends, and each new one plans the send statement and loads the
      // row-level security policies cold, inside the conversation's row lock (a stall in
      // `pnpm bench`). Kept five minutes instead.
      idleTimeoutMillis: 300_000,
      // Both for a new connection and for a free one from a full pool.
      connectionTimeoutMillis: (timeouts?.connectSeconds ?? 10) * 1000,
      // Client side: a statement whose answer never comes (the server or the network is gone)
      // fails after this; TenantDatabase then throws its connection away.
      ...(timeouts && { query_timeout: timeouts.querySeconds * 1000 }),
      // A dead peer is noticed by the kernel within a minute instead of two hours.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      ...(options ? { options } : {}),
    },
  };
}
