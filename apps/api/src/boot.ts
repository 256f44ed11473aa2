import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, loadConfig } from './config/config';
import { preflight } from './database/preflight';

/** The SPA built beside us in the monorepo, served when WEB_DIST is not set. */
const BUILT_WEB = join(__dirname, '../../web/dist');

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

export function loadConfigOrExit(): AppConfig {
  try {
    const config = loadConfig();
    if (!config.webDist && existsSync(join(BUILT_WEB, 'index.html'))) config.webDist = BUILT_WEB;
    return config;
  } catch (error) {
    fail((error as Error).message);
  }
}

/** Exits non-zero with a message naming the service when PostgreSQL or Redis does not answer. */
export async function preflightOrExit(config: AppConfig, options?: { createDatabase?: boolean }) {
  try {
    await preflight(config, options);
  } catch (error) {
    fail((error as Error).message);
  }
}
