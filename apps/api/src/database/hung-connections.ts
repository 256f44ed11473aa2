import type { EventEmitter } from 'node:events';
import type { DataSource } from 'typeorm';

/** What pg-pool hands back on `release`: a node-postgres client. */
interface PooledClient {
  /** False while a statement is still awaiting its answer. */
  readyForQuery: boolean;
  end(): Promise<void>;
}

/**
 * A statement that hit the query timeout is still pending on its connection (node-postgres only
 * stops waiting for it), so every later statement there would queue behind an answer that never
 * comes. Whoever releases such a connection (TypeORM does, without an error, outside
 * TenantDatabase), it is closed instead of going back to the pool: pg-pool drops a client that is
 * ending, and `end()` on a client with a pending statement destroys its socket at once.
 */
export function discardHungConnections(dataSource: DataSource) {
  const pool = (dataSource.driver as unknown as { master?: EventEmitter }).master;
  pool?.on('release', (_error: unknown, client: PooledClient) => {
    if (!client.readyForQuery) void client.end().catch(() => undefined);
  });
}
