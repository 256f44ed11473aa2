/**
 * Work this instance does at once, counted in its memory: at most `total` in all, and at most a cap
 * per key (a user, a tenant). In memory on purpose: what it protects is this instance's own memory
 * and pool, and a process that dies takes its counts with it (a Redis count would outlive it).
 * Uploads in flight and searches running both take their slots here.
 */
export class InstanceSlots {
  private running = 0;
  private readonly byKey = new Map<string, number>();

  constructor(private readonly total: number) {}

  /** A release function (it gives the slot back once, however often called), or null when full. */
  take(caps: [key: string, cap: number][]): (() => void) | null {
    if (this.running >= this.total) return null;
    if (caps.some(([key, cap]) => (this.byKey.get(key) ?? 0) >= cap)) return null;
    this.running++;
    for (const [key] of caps) this.add(key, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      for (const [key] of caps) this.add(key, -1);
    };
  }

  get inUse(): number {
    return this.running;
  }

  /** Counts that fall to zero are forgotten: the map holds only who is at work now. */
  private add(key: string, delta: number) {
    const next = (this.byKey.get(key) ?? 0) + delta;
    if (next > 0) this.byKey.set(key, next);
    else this.byKey.delete(key);
  }
}
