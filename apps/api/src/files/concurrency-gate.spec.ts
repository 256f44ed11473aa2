import { ConcurrencyGate } from './concurrency-gate';

describe('ConcurrencyGate', () => {
  it('runs at most `limit` tasks at once, the others in order of arrival', async () => {
    const gate = new ConcurrencyGate(2);
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const finish: (() => void)[] = [];
    const task = (name: string) =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        order.push(name);
        await new Promise<void>((resolve) => finish.push(resolve));
        running--;
      });
    const all = Promise.all(['a', 'b', 'c', 'd'].map(task));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['a', 'b']);
    while (finish.length) {
      finish.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await all;
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(most).toBe(2);
    expect(gate.busy).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const gate = new ConcurrencyGate(1);
    await expect(gate.run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(gate.run(() => Promise.resolve(1))).resolves.toBe(1);
  });
});
