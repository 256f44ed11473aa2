import { percentile, ratio, round, summarize } from './stats';

describe('percentile (nearest rank over raw samples)', () => {
  const hundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

  it('answers a sample that was measured, never an interpolation', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([10], 99)).toBe(10);
  });

  it('keeps the tail: one slow delivery in 50 is the p99', () => {
    const samples = [...Array.from({ length: 49 }, () => 1), 900];
    expect(summarize(samples).p99).toBe(900);
  });

  it('has no figure without samples', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([])).toMatchObject({ count: 0, p50: NaN, p99: NaN });
  });
});

describe('summarize', () => {
  it('sorts numerically, not as strings, and leaves the input alone', () => {
    const samples = [100, 9, 25, 3];
    expect(summarize(samples)).toEqual({
      count: 4,
      p50: 9,
      p90: 100,
      p99: 100,
      max: 100,
      mean: 34.25,
    });
    expect(samples).toEqual([100, 9, 25, 3]);
  });

  it('puts a delivery that never came (Infinity) at the top', () => {
    expect(summarize([5, Infinity, 7]).max).toBe(Infinity);
  });
});

describe('ratio and round', () => {
  it('divides product by baseline, or has none', () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(30, 0)).toBeNull();
    expect(ratio(null, 10)).toBeNull();
    expect(ratio(Infinity, 10)).toBeNull();
  });

  it('rounds to three significant digits, whole from 100', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1449.6)).toBe(1450);
    expect(round(Infinity)).toBeNull();
  });
});
