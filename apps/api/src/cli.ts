import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigOrExit, preflightOrExit } from './boot';
import { dataSourceOptions } from './database/data-source';
import { DEMO_PASSWORD, DEMO_TENANTS, seedDemo } from './seed';

const COMMANDS = {
  /** Apply pending migrations (creates the database first if it does not exist). */
  migrate: async (db: DataSource) => {
    const applied = await db.runMigrations({ transaction: 'each' });
    console.log(
      applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'Schema up to date',
    );
  },
  /** Undo the last migration. */
  revert: async (db: DataSource) => {
    await db.undoLastMigration({ transaction: 'each' });
    console.log('Reverted the last migration');
  },
  /** Seed the demo organisations into an empty database. */
  seed: async (db: DataSource) => {
    const seeded = await seedDemo(db);
    console.log(seeded ? describeDemo() : 'Database already has data: demo seed skipped');
  },
  /** What `pnpm start` runs before starting: migrate, then seed when empty. */
  prepare: async (db: DataSource) => {
    await COMMANDS.migrate(db);
    await COMMANDS.seed(db);
  },
};

function describeDemo() {
  const logins = DEMO_TENANTS.flatMap((tenant) =>
    tenant.users.map((user) => `  ${tenant.slug.padEnd(6)} ${user.email.padEnd(18)} ${user.role}`),
  );
  return `Seeded the demo data. Logins (organisation, email, role), password "${DEMO_PASSWORD}":\n${logins.join('\n')}`;
}

async function main() {
  const command = process.argv[2] as keyof typeof COMMANDS;
  if (!COMMANDS[command]) {
    console.error(`usage: cli <${Object.keys(COMMANDS).join('|')}>`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  await preflightOrExit(config, { createDatabase: command !== 'revert', asOwner: true });
  const db = await new DataSource(dataSourceOptions(config.databaseUrl)).initialize();
  try {
    await COMMANDS[command](db);
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
