interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Work that arrives at the same moment, done together: `add` waits `gatherMs` for others of the
 * same key (a tenant: one transaction holds one tenant), then `run` takes them all in one call and
 * answers each in order. A batch that fails is run again item by item, so one bad item fails
 * alone and the others still succeed (`run` must be safe to repeat, as queue jobs are).
 */
export class Gathered<T, R> {
  private waiting = new Map<string, Waiting<T, R>[]>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly gatherMs: number,
    private readonly run: (key: string, items: T[]) => Promise<R[]>,
  ) {}

  add(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const batch = this.waiting.get(key) ?? [];
      this.waiting.set(key, batch);
      batch.push({ item, resolve, reject });
      this.timer ??= setTimeout(() => this.flush(), this.gatherMs);
    });
  }

  private flush() {
    this.timer = undefined;
    const batches = this.waiting;
    this.waiting = new Map();
    for (const [key, batch] of batches) void this.settle(key, batch);
  }

  private async settle(key: string, batch: Waiting<T, R>[]) {
    try {
      const results = await this.run(
        key,
        batch.map((w) => w.item),
      );
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const waiting of batch) void this.settle(key, [waiting]);
    }
  }
}
