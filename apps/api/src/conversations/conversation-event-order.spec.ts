import type { EntityManager } from 'typeorm';
import type { TenantDatabase } from '../database/tenant-database';
import { ConversationEventOrder, type TakeTurn } from './conversation-event-order';

/** Runs the work as its transaction: it commits when the work resolves, rolls back when it throws. */
const instantTransactions = {
  transaction: <T>(_tenantId: string, work: (tx: EntityManager) => Promise<T>) =>
    work({} as EntityManager),
} as unknown as TenantDatabase;

function deferred() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('ConversationEventOrder', () => {
  const order = new ConversationEventOrder(instantTransactions);

  /** A write that takes its turn at once and commits when `commit` opens. */
  function write(conversationId: string, name: string, commit: Promise<void>, emitted: string[]) {
    return order.write('tenant', async (_tx, takeTurn: TakeTurn) => {
      takeTurn(conversationId);
      await commit;
      return { result: name, events: () => emitted.push(name) };
    });
  }

  it('emits in the order turns were taken, even when later writes commit first', async () => {
    const emitted: string[] = [];
    const [first, second, third] = [deferred(), deferred(), deferred()];
    const writes = [
      write('c1', 'seq 1', first.opened, emitted),
      write('c1', 'seq 2', second.opened, emitted),
      write('c1', 'seq 3', third.opened, emitted),
    ];
    third.open();
    second.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(emitted).toEqual([]);
    first.open();
    expect(await Promise.all(writes)).toEqual(['seq 1', 'seq 2', 'seq 3']);
    expect(emitted).toEqual(['seq 1', 'seq 2', 'seq 3']);
  });

  it('lets a rolled-back write leave the line without holding back the next', async () => {
    const emitted: string[] = [];
    const [failing, next] = [deferred(), deferred()];
    const rolledBack = order.write('tenant', async (_tx, takeTurn) => {
      takeTurn('c2');
      await failing.opened;
      throw new Error('rolled back');
    });
    const after = write('c2', 'after', next.opened, emitted);
    next.open();
    failing.open();
    await expect(rolledBack).rejects.toThrow('rolled back');
    expect(await after).toBe('after');
    expect(emitted).toEqual(['after']);
  });

  it('keeps conversations apart: one waiting turn does not hold back another conversation', async () => {
    const emitted: string[] = [];
    const [slow, fast] = [deferred(), deferred()];
    const waiting = write('c3', 'c3', slow.opened, emitted);
    fast.open();
    expect(await write('c4', 'c4', fast.opened, emitted)).toBe('c4');
    expect(emitted).toEqual(['c4']);
    slow.open();
    await waiting;
    expect(emitted).toEqual(['c4', 'c3']);
  });

  it('refuses events from a write that took no turn', async () => {
    await expect(
      order.write('tenant', async () => ({ result: null, events: () => undefined })),
    ).rejects.toThrow('must take its turn');
  });
});
