import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TenantDatabase } from '../database/tenant-database';

/** What a write hands back: its answer, and the events that tell the members about it. */
export interface Committed<T> {
  result: T;
  /** Emitted once committed, after the events of every write to the same rows committed before. */
  events?: () => void;
}

/** Called by a write right after the statement that locked the row its change is ordered by. */
export type TakeTurn = (conversationId: string) => void;

interface Turn {
  /** Committed (with its events) or rolled back (without): the line may move past it. */
  settled: boolean;
  events?: () => void;
  emitted: () => void;
}

/**
 * Sends each conversation's events in the order its writes committed, not in the order their
 * commits happened to be answered (they come back on different connections): a receiver saw
 * `message:new` out of seq order, and `message:updated` after `message:deleted`.
 *
 * A write takes its turn inside its transaction, right after the statement that locks the row it
 * changes (the conversation for seqs and members, the message for edits, the member for reads).
 * Another write of the same row waits for that lock until the first commits, so it takes its turn
 * later. After the commit the turn is ready; turns leave from the head of the line, in order; a
 * rolled-back write leaves the line without events. Waiting for a turn never holds a database
 * lock, so it cannot deadlock with one.
 *
 * This orders what one API instance emits. Across instances, the client holds an event that comes
 * after a gap until the gap fills or a sync answers (its cursor is the highest gap-free seq).
 */
@Injectable()
export class ConversationEventOrder {
  private readonly logger = new Logger(ConversationEventOrder.name);
  private readonly lines = new Map<string, Turn[]>();

  constructor(private readonly tenantDb: TenantDatabase) {}

  /**
   * Runs `work` in a transaction of the caller's tenant and, once committed, emits its events in turn. Resolves after
   * they are emitted, so an answer never overtakes the event about the same change.
   */
  async write<T>(
    tenantId: string,
    work: (tx: EntityManager, takeTurn: TakeTurn) => Promise<Committed<T>>,
  ) {
    let turn: { conversationId: string; turn: Turn; done: Promise<void> } | undefined;
    const takeTurn: TakeTurn = (conversationId) => {
      if (!turn) turn = { conversationId, ...this.take(conversationId) };
    };
    let committed: Committed<T>;
    try {
      committed = await this.tenantDb.transaction(tenantId, (tx) => work(tx, takeTurn));
    } catch (error) {
      if (turn) this.settle(turn.conversationId, turn.turn);
      throw error;
    }
    if (!turn) {
      // Events without a turn could overtake an earlier write's: a bug in the write, not a race.
      if (committed.events) throw new Error('A write with events must take its turn');
      return committed.result;
    }
    this.settle(turn.conversationId, turn.turn, committed.events);
    await turn.done;
    return committed.result;
  }

  private take(conversationId: string): { turn: Turn; done: Promise<void> } {
    let emitted!: () => void;
    const done = new Promise<void>((resolve) => (emitted = resolve));
    const turn: Turn = { settled: false, emitted };
    const line = this.lines.get(conversationId);
    if (line) line.push(turn);
    else this.lines.set(conversationId, [turn]);
    return { turn, done };
  }

  private settle(conversationId: string, turn: Turn, events?: () => void) {
    turn.settled = true;
    turn.events = events;
    const line = this.lines.get(conversationId)!;
    while (line.length && line[0]!.settled) {
      const next = line.shift()!;
      try {
        next.events?.();
      } catch (error) {
        // One failed emit must not hold back the conversation's later events.
        this.logger.error(error);
      }
      next.emitted();
    }
    if (!line.length) this.lines.delete(conversationId);
  }
}
