import type { QueueName } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OutboxEntry } from './outbox-entry.entity';
import { eventJobs, type OutboxEventName, type OutboxEvents } from './outbox-events';

/** A job as a change records it: the relay adds it to `queue` with exactly this id. */
export interface OutboxJob<T extends { tenantId: string } = { tenantId: string }> {
  queue: QueueName;
  name: string;
  /**
   * Deterministic, derived from what caused the job (e.g. `reminder-<id>`): a retried change makes
   * no second job. BullMQ refuses ':' in custom ids.
   */
  jobId: string;
  data: T;
  /** Run at this time, not before (the delay is counted when the job reaches Redis). */
  runAt?: Date;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Records jobs in the caller's transaction: they exist if and only if the change commits. Call it
   * inside `TenantDatabase.transaction` (or `ConversationEventOrder.write`).
   */
  async record(tx: EntityManager, ...jobs: OutboxJob[]): Promise<void> {
    if (!jobs.length) return;
    await tx.getRepository(OutboxEntry).insert(
      jobs.map((job) => ({
        tenantId: job.data.tenantId,
        queue: job.queue,
        name: job.name,
        jobId: job.jobId,
        data: job.data,
        runAt: job.runAt ?? null,
      })),
    );
  }

  /** Records that `name` happened (to `causeId`), for every queue that subscribes to it. */
  publish<E extends OutboxEventName>(
    tx: EntityManager,
    name: E,
    causeId: string,
    data: OutboxEvents[E],
  ): Promise<void> {
    return this.record(tx, ...eventJobs(name, causeId, data));
  }

  /**
   * Runs `relay` on the oldest entries no other relay holds (SKIP LOCKED: several workers share the
   * table without waiting on each other), then deletes them, in one transaction: an entry is
   * deleted only once its job is in Redis, and a relay that fails leaves it for the next round.
   */
  async takeOldest(
    limit: number,
    relay: (entries: OutboxEntry[]) => Promise<void>,
  ): Promise<number> {
    return this.db.transaction(async (tx) => {
      const entries = await tx
        .getRepository(OutboxEntry)
        .createQueryBuilder('entry')
        .orderBy('entry.id')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (!entries.length) return 0;
      await relay(entries);
      await tx.getRepository(OutboxEntry).delete({ id: In(entries.map((entry) => entry.id)) });
      return entries.length;
    });
  }

  /** How many entries wait (health and tests). */
  pending(): Promise<number> {
    return this.db.getRepository(OutboxEntry).count();
  }
}
