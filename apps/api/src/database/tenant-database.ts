import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The one way to reach tenant-owned tables. Each unit of work is a transaction that first sets
 * `app.tenant_id`, which the row-level security policies compare every row against: a query that
 * forgot its tenant filter still sees only this tenant's rows (and one run outside this sees none).
 */
@Injectable()
export class TenantDatabase {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Whether the database answers: the health check's probe (no table is read). */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  transaction<T>(tenantId: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      // is_local = true: the setting ends with the transaction, so a pooled connection never
      // carries one tenant into the next request.
      await tx.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return work(tx);
    });
  }
}
