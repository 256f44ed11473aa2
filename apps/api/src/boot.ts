import { type AppConfig, loadConfig } from './config/config';
import { preflight } from './database/preflight';

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    fail((error as Error).message);
  }
}

/** Exits non-zero with a message naming the service when PostgreSQL or Redis does not answer. */
export async function preflightOrExit(
  config: AppConfig,
  options?: { createDatabase?: boolean; asOwner?: boolean },
) {
  try {
    await preflight(config, options);
  } catch (error) {
    fail((error as Error).message);
  }
}

/**
 * Connections the kernel holds for the API to accept (capped by net.core.somaxconn). Node's 511
 * overflowed when 2,000 clients came back at once after a restart: the dropped SYNs were resent
 * seconds later, and a fifth of the clients waited out their 20 s connect timeout.
 */
export const LISTEN_BACKLOG = 4096;
