import { MISSES } from './misses';
import { ratio, round } from './stats';

/** A target on one row: its wording in the report and the check of the measured figures. */
export interface Target {
  text: string;
  /** Null: the row informs, it has no target of its own. */
  check: (product: number, baseline: number | null) => boolean | null;
}

export const noTarget: Target = { text: '—', check: () => null };

export const atMost = (limit: number, unit: string): Target => ({
  text: `≤ ${limit}${unit}`,
  check: (product) => product <= limit,
});
export const below = (limit: number, unit: string): Target => ({
  text: `< ${limit}${unit}`,
  check: (product) => product < limit,
});
export const atLeast = (limit: number, unit: string): Target => ({
  text: `≥ ${limit}${unit}`,
  check: (product) => product >= limit,
});
/** product ≤ factor × baseline (lower is better: latency, memory). */
export const timesBaselineAtMost = (factor: number, baseline: string): Target => ({
  text: `≤ ${factor}× ${baseline}`,
  check: (product, base) => base !== null && base > 0 && product <= factor * base,
});
/** product ≥ share × baseline (higher is better: throughput). */
export const shareOfBaselineAtLeast = (share: number, baseline: string): Target => ({
  text: `≥ ${share * 100}% of ${baseline}`,
  check: (product, base) => base !== null && base > 0 && product >= share * base,
});
export const allOf = (...targets: Target[]): Target => ({
  text: targets.map((t) => t.text).join(' and '),
  check: (product, base) => targets.every((t) => t.check(product, base) === true),
});

export interface Row {
  scenario: string;
  measure: string;
  unit: string;
  product: number | null;
  baselineName: 'T0' | 'P0' | 'Q0' | null;
  baseline: number | null;
  ratio: number | null;
  target: string;
  /** Null when the product figure could not be measured (the run says why in its notes). */
  pass: boolean | null;
}

export function row(input: {
  scenario: string;
  measure: string;
  unit: string;
  product: number | null;
  baselineName?: Row['baselineName'];
  baseline?: number | null;
  target: Target;
}): Row {
  const baseline = input.baseline ?? null;
  const product = input.product;
  return {
    scenario: input.scenario,
    measure: input.measure,
    unit: input.unit,
    product: round(product),
    baselineName: input.baselineName ?? null,
    baseline: round(baseline),
    ratio: round(ratio(product, baseline)),
    target: input.target.text,
    // Infinity is a figure (a recipient who never received): it misses its target, shown as "—".
    pass: product === null || Number.isNaN(product) ? null : input.target.check(product, baseline),
  };
}

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  loadAverage: number[];
  os: string;
  node: string;
  postgres: string;
  redis: string;
  socketIo: string;
}

export interface Report {
  startedAt: string;
  mode: 'quick' | 'default';
  durationSeconds: number;
  machine: Machine;
  /** Environment given to the product for the run: limits the bench itself would trip. */
  productEnvironment: Record<string, string>;
  rows: Row[];
  notes: string[];
  /** Each scenario's own figures: raw counts, every percentile, client CPU, settings. */
  details: Record<string, unknown>;
}

const show = (value: number | null, unit = '') => (value === null ? '—' : `${value}${unit}`);
const verdict = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'pass' : 'MISS');

function cells(r: Row): string[] {
  return [
    r.scenario,
    r.measure,
    show(r.product, r.unit),
    r.baselineName ? `${show(r.baseline, r.unit)} (${r.baselineName})` : '—',
    r.ratio === null ? '—' : `${r.ratio}×`,
    r.target,
    verdict(r.pass),
  ];
}

const HEADER = ['scenario', 'measure', 'product', 'baseline', 'ratio', 'target', 'result'];

/** A plain-text table for the terminal, columns padded to their widest cell. */
export function textTable(rows: Row[]): string {
  const body = rows.map(cells);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...body.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

/** For each scenario with a MISS: what the profile showed and what would move it (misses.ts). */
function missed(rows: Row[]): string[] {
  const scenarios = [...new Set(rows.filter((r) => r.pass === false).map((r) => r.scenario))];
  if (!scenarios.length) return [];
  return [
    '## Where a target is missed',
    '',
    ...scenarios.map((s) => `- **${s}**: ${MISSES[s] ?? 'not analysed yet.'}`),
    '',
  ];
}

const escape = (cell: string) => cell.replace(/\|/g, '\\|');

export function markdown(report: Report): string {
  const m = report.machine;
  const table = [
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...report.rows.map((r) => `| ${cells(r).map(escape).join(' | ')} |`),
  ];
  const env = Object.entries(report.productEnvironment).map(([k, v]) => `\`${k}=${v}\``);
  return [
    `# Bench report (${report.mode}), ${report.startedAt}`,
    '',
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGb} GB, load average at start ` +
      `${m.loadAverage.join(' / ')}; ${m.os}; Node ${m.node}, ${m.postgres}, Redis ${m.redis}, ` +
      `Socket.IO ${m.socketIo}. Whole run: ${report.durationSeconds} s.`,
    '',
    ...table,
    '',
    `Product environment for the run: ${env.join(', ')}.`,
    '',
    '## Notes',
    '',
    ...report.notes.map((note) => `- ${note}`),
    '',
    ...missed(report.rows),
    'Every figure, with its raw counts and all percentiles, is in the JSON report beside this file.',
    '',
  ].join('\n');
}

export const zero: Target = { text: '0', check: (product) => product === 0 };
