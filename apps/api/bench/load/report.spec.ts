import { MISSES } from './misses';
import { JwtService } from '@nestjs/jwt';
import { ladder, sustained } from './plan';
import {
  allOf,
  atLeast,
  atMost,
  markdown,
  noTarget,
  type Report,
  row,
  shareOfBaselineAtLeast,
  textTable,
  timesBaselineAtMost,
  zero,
} from './report';
import { signAccessToken } from './tokens';

describe('rows and targets', () => {
  const latency = allOf(atMost(50, ' ms'), timesBaselineAtMost(3, 'T0'));

  it('passes p99 ≤ 50 ms and ≤ 3× T0 only when both hold', () => {
    const at = (product: number, baseline: number) =>
      row({
        scenario: 'latency',
        measure: 'p99',
        unit: ' ms',
        product,
        baselineName: 'T0',
        baseline,
        target: latency,
      });
    expect(at(12, 5)).toMatchObject({ ratio: 2.4, pass: true, target: '≤ 50 ms and ≤ 3× T0' });
    expect(at(40, 5).pass).toBe(false); // under 50 ms, but 8× T0
    expect(at(60, 30).pass).toBe(false); // 2× T0, but over 50 ms
  });

  it('compares throughput with its baseline as a share', () => {
    const target = shareOfBaselineAtLeast(0.5, 'P0');
    const r = (product: number) =>
      row({
        scenario: 'throughput',
        measure: 'msg/s',
        unit: ' msg/s',
        product,
        baselineName: 'P0',
        baseline: 1449,
        target,
      });
    expect(r(725)).toMatchObject({ pass: true, ratio: 0.5 });
    expect(r(300)).toMatchObject({ pass: false, ratio: 0.207, target: '≥ 50% of P0' });
  });

  it('misses a target with no baseline to compare against', () => {
    const r = row({
      scenario: 'memory',
      measure: 'kB',
      unit: ' kB',
      product: 20,
      baselineName: 'T0',
      baseline: null,
      target: timesBaselineAtMost(1.5, 'T0'),
    });
    expect(r).toMatchObject({ pass: false, ratio: null });
  });

  it('counts a recipient who never received as a miss, and an unmeasured figure as n/a', () => {
    const never = row({
      scenario: 'fan-out',
      measure: 'p99',
      unit: ' ms',
      product: Infinity,
      target: atMost(250, ' ms'),
    });
    expect(never).toMatchObject({ product: null, pass: false });
    const unmeasured = row({
      scenario: 'memory',
      measure: 'kB',
      unit: ' kB',
      product: null,
      target: atMost(1, ''),
    });
    expect(unmeasured.pass).toBeNull();
    expect(
      row({ scenario: 'x', measure: 'p50', unit: '', product: 3, target: noTarget }).pass,
    ).toBeNull();
    expect(
      row({ scenario: 'storm', measure: 'lost', unit: '', product: 0, target: zero }).pass,
    ).toBe(true);
    expect(
      row({
        scenario: 'admission',
        measure: '%',
        unit: '%',
        product: 99.9,
        target: atLeast(100, '%'),
      }).pass,
    ).toBe(false);
  });

  it('renders every row in the table and the Markdown report', () => {
    const rows = [
      row({
        scenario: 'latency',
        measure: 'p99 | send → receive',
        unit: ' ms',
        product: 12,
        baselineName: 'T0',
        baseline: 5,
        target: latency,
      }),
      row({
        scenario: 'fan-out',
        measure: 'p99',
        unit: ' ms',
        product: Infinity,
        target: atMost(250, ' ms'),
      }),
    ];
    const table = textTable(rows).split('\n');
    expect(table).toHaveLength(4);
    expect(table[2]).toMatch(/latency .*12 ms .*5 ms \(T0\) .*2\.4× .*pass/);
    expect(table[3]).toMatch(/fan-out .*— .*MISS/);
    const report: Report = {
      startedAt: '2026-12-02T00:00:00.000Z',
      mode: 'quick',
      durationSeconds: 100,
      machine: {
        cores: 2,
        cpuModel: 'cpu',
        memoryGb: 24,
        loadAverage: [1, 1, 1],
        os: 'Linux',
        node: 'v20',
        postgres: 'PostgreSQL 15',
        redis: '7.0',
        socketIo: '4.8.3',
      },
      productEnvironment: { MESSAGE_RATE_LIMIT: '1000000' },
      rows,
      notes: ['a note'],
      details: {},
    };
    const md = markdown(report);
    expect(md).toContain(
      '| latency | p99 \\| send → receive | 12 ms | 5 ms (T0) | 2.4× | ≤ 50 ms and ≤ 3× T0 | pass |',
    );
    expect(md).toContain('2 cores');
    expect(md).toContain('`MESSAGE_RATE_LIMIT=1000000`');
    // The missed scenario says what the profile showed; the one that passed says nothing.
    expect(md).toContain(`- **fan-out**: ${MISSES['fan-out']}`);
    expect(md).not.toContain('- **latency**');
  });
});

describe('throughput ladder', () => {
  it('rises from the start rate by the factor up to the ceiling', () => {
    expect(ladder({ ladderStart: 100, ladderFactor: 2, ladderMax: 1000 })).toEqual([
      100, 200, 400, 800,
    ]);
    expect(ladder({ ladderStart: 100, ladderFactor: 1.5, ladderMax: 400 })).toEqual([
      100, 150, 225, 338,
    ]);
  });

  it('counts a step as sustained only under the bound with nothing lost or refused', () => {
    const ok = { p99: 40, lost: 0, failed: 0, p99BoundMs: 100 };
    expect(sustained(ok)).toBe(true);
    expect(sustained({ ...ok, p99: 100 })).toBe(false);
    expect(sustained({ ...ok, lost: 1 })).toBe(false);
    expect(sustained({ ...ok, failed: 1 })).toBe(false);
    expect(sustained({ ...ok, p99: null })).toBe(false);
  });
});

describe('bench access tokens', () => {
  it('verify as the product verifies them (HS256, the claims it reads)', () => {
    const secret = 'bench-secret-of-at-least-32-characters!';
    const claims = { sub: 'u', tid: 't', role: 'member' as const, sid: 's' };
    const token = signAccessToken(claims, secret, 60);
    const payload = new JwtService({ secret }).verify(token, { algorithms: ['HS256'] });
    expect(payload).toMatchObject(claims);
    expect(payload.exp - payload.iat).toBe(60);
    expect(() => new JwtService({ secret: `${secret}x` }).verify(token)).toThrow();
  });
});
