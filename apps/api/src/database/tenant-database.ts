import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { cancelStatement, type ServerSession } from './cancel-statement';
import { databaseUnavailable, isDatabaseUnavailable } from './unavailable';

/**
 * TypeORM's Postgres runner releases with an error to make pg-pool close the connection instead of
 * reusing it (its own handler does so on a connection error); the method is private in its types.
 */
interface ReleasesWithError {
  releasePostgresConnection(error?: Error): Promise<void>;
  /** The pg client it holds once connected (protected in its types). */
  databaseConnection?: ServerSession;
}

/** Bounds of a unit of work that a user can make heavy at will (a search). */
export interface WorkBounds {
  /** PostgreSQL cancels any of its statements running longer than this (statement_timeout). */
  statementTimeoutMs?: number;
  /**
   * The request it serves: once aborted (the client went away), the running statement is
   * cancelled in PostgreSQL rather than left to run for no one.
   */
  signal?: AbortSignal;
}

/**
 * The request went away: its work is not begun (nothing runs for no one), or its connection is
 * thrown away (a cancel request was sent on it).
 */
export class RequestAborted extends Error {
  constructor() {
    super('The request was aborted');
  }
}

/**
 * The one way to reach tenant-owned tables. Each unit of work is a transaction that first sets
 * `app.tenant_id`, which the row-level security policies compare every row against: a query that
 * forgot its tenant filter still sees only this tenant's rows (and one run outside this sees none).
 */
@Injectable()
export class TenantDatabase {
  private readonly logger = new Logger(TenantDatabase.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Whether the database answers: the health check's probe (no table is read). */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  /**
   * Runs `work` in one transaction of `tenantId`. When PostgreSQL is lost (refused, cut, or a
   * statement unanswered past the query timeout) it throws 503 `unavailable` at once: the caller
   * retries (a send with the same clientMessageId is stored once), and the connection is thrown
   * away rather than returned to the pool with a statement still hanging on it. TypeORM's own
   * `transaction()` would roll back on that connection first (and hang again), then reuse it.
   */
  async transaction<T>(
    tenantId: string,
    work: (tx: EntityManager) => Promise<T>,
    { statementTimeoutMs, signal }: WorkBounds = {},
  ): Promise<T> {
    // Inlined into the statement below, so it must be nothing but a UUID (it comes from a signed
    // token; this is the belt to that brace).
    if (!isUUID(tenantId)) throw new Error(`Not a tenant id: ${tenantId}`);
    // Inlined too: an integer of milliseconds.
    if (
      statementTimeoutMs !== undefined &&
      !(Number.isSafeInteger(statementTimeoutMs) && statementTimeoutMs > 0)
    )
      throw new Error(`Not a statement timeout: ${statementTimeoutMs}`);
    if (signal?.aborted) throw new RequestAborted();
    const runner = this.db.createQueryRunner() as ReturnType<DataSource['createQueryRunner']> &
      ReleasesWithError & { isTransactionActive: boolean };
    let lost: Error | undefined;
    const cancel = () => {
      // A cancel request may land after this statement is done, on the next one the connection
      // runs: the connection is never reused once one was sent.
      lost = new RequestAborted();
      if (runner.databaseConnection) void cancelStatement(runner.databaseConnection);
    };
    try {
      await runner.connect();
      if (signal?.aborted) throw (lost = new RequestAborted());
      signal?.addEventListener('abort', cancel, { once: true });
      // One round trip, not two (each costs the connection's holder a wait on a busy machine).
      // is_local = true: the setting ends with the transaction, so a pooled connection never
      // carries one tenant into the next request. The transaction is ours, not TypeORM's (its
      // startTransaction sends START alone): marked active, so a repository's save() inside does
      // not open one of its own.
      runner.isTransactionActive = true;
      const timeout = statementTimeoutMs
        ? `, set_config('statement_timeout', '${statementTimeoutMs}', true)`
        : '';
      await runner.query(
        `START TRANSACTION; SELECT set_config('app.tenant_id', '${tenantId}', true)${timeout}`,
      );
      const result = await work(runner.manager);
      await runner.query('COMMIT');
      runner.isTransactionActive = false;
      return result;
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        lost = error as Error;
        this.logger.warn(`PostgreSQL unavailable: ${lost.message}`);
        throw databaseUnavailable();
      }
      // An aborted transaction's connection is thrown away: PostgreSQL rolls it back.
      if (runner.isTransactionActive && !lost) {
        await runner.query('ROLLBACK').catch((rollbackError: Error) => (lost = rollbackError));
        runner.isTransactionActive = false;
      }
      throw error;
    } finally {
      signal?.removeEventListener('abort', cancel);
      // With an error, pg-pool closes the connection instead of reusing it; PostgreSQL rolls
      // back whatever it held (at the latest after idle_in_transaction_session_timeout).
      await runner.releasePostgresConnection(lost);
    }
  }
}
