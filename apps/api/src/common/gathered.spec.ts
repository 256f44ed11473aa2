import { Gathered } from './gathered';

describe('Gathered', () => {
  it('runs what arrives together in one call per key, and answers each in order', async () => {
    const calls: [string, number[]][] = [];
    const gathered = new Gathered<number, number>(5, async (key, items) => {
      calls.push([key, items]);
      return items.map((n) => n * 10);
    });
    const answers = await Promise.all([
      gathered.add('a', 1),
      gathered.add('b', 2),
      gathered.add('a', 3),
    ]);
    expect(answers).toEqual([10, 20, 30]);
    expect(calls).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });

  it('runs a failed batch again item by item: only the bad item fails', async () => {
    const calls: number[][] = [];
    const gathered = new Gathered<number, number>(5, async (_, items) => {
      calls.push(items);
      if (items.includes(2)) throw new Error('bad item');
      return items;
    });
    const answers = await Promise.allSettled([1, 2, 3].map((n) => gathered.add('a', n)));
    expect(answers).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: new Error('bad item') },
      { status: 'fulfilled', value: 3 },
    ]);
    expect(calls).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('starts a new batch for what arrives after a flush', async () => {
    const calls: number[][] = [];
    const gathered = new Gathered<number, number>(5, async (_, items) => {
      calls.push(items);
      return items;
    });
    await gathered.add('a', 1);
    await gathered.add('a', 2);
    expect(calls).toEqual([[1], [2]]);
  });
});
