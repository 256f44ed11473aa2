import type { Plan } from './plan';
import {
  allOf,
  atLeast,
  atMost,
  noTarget,
  row,
  type Row,
  shareOfBaselineAtLeast,
  timesBaselineAtMost,
  zero,
} from './report';
import type { AdmissionFigures, LadderStep } from './scenarios';
import type { JobsResult } from './jobs';
import type { TrafficResult } from './traffic';

export interface Results {
  admission: { product: AdmissionFigures; t0: AdmissionFigures };
  latency: {
    product: { connected: { connected: number }; result: TrafficResult; serverCpuPercent: number };
    t0: { connected: { connected: number }; result: TrafficResult; serverCpuPercent: number };
  };
  throughput: {
    product: { steps: LadderStep[]; sustainedRate: number };
    p0: { steps: LadderStep[]; sustainedRate: number };
    p99BoundMs: number;
  };
  storm: Record<string, number> & { clients: number };
  jobs: { product: JobsResult; q0: JobsResult };
}

/** Fewer connected sockets than this make RSS per connection mostly noise. */
const MEMORY_MIN_SOCKETS = 100;

/** IPC carries Infinity ("never") as null: a figure that was measured and never came is Infinity. */
const never = (value: number | null | undefined) => value ?? Infinity;
/** A percentile of deliveries, Infinity when messages were sent and none arrived. */
const delivered = (r: TrafficResult, p: 'p50' | 'p99') =>
  r.delivery.count ? never(r.delivery[p]) : Infinity;
const percent = (part: number, whole: number) => (whole ? (100 * part) / whole : 0);

/** The report's rows, in the issue's order: scenario, measure, product, baseline, ratio, target. */
export function buildRows(plan: Plan, r: Results): Row[] {
  const window = `${plan.admissionWindowMs / 1000} s`;
  const a = r.admission;
  const l = r.latency;
  const latencyMeasure = `${plan.latencyClients} clients (${l.product.connected.connected} connected; T0 ${l.t0.connected.connected}), ${plan.latencyRate} msg/s into groups of ${plan.groupSize}`;
  const s = r.storm;
  return [
    row({
      scenario: 'admission',
      measure: `${plan.admission} sockets of one tenant at once: % connected within ${window}`,
      unit: '%',
      product: percent(a.product.withinWindow, a.product.requested),
      baselineName: 'T0',
      baseline: percent(a.t0.withinWindow, a.t0.requested),
      target: atLeast(100, '%'),
    }),
    row({
      scenario: 'admission',
      measure: `${plan.admission} sockets at once: time until all connected`,
      unit: ' ms',
      product: a.product.timeToAllMs ?? Infinity,
      baselineName: 'T0',
      baseline: a.t0.timeToAllMs,
      target: noTarget,
    }),
    row({
      scenario: 'latency',
      measure: `${latencyMeasure}: p50 send → receive`,
      unit: ' ms',
      product: delivered(l.product.result, 'p50'),
      baselineName: 'T0',
      baseline: l.t0.result.delivery.p50,
      target: noTarget,
    }),
    row({
      scenario: 'latency',
      measure: `${latencyMeasure}: p99 send → receive`,
      unit: ' ms',
      product: delivered(l.product.result, 'p99'),
      baselineName: 'T0',
      baseline: l.t0.result.delivery.p99,
      target: allOf(atMost(50, ' ms'), timesBaselineAtMost(3, 'T0')),
    }),
    row({
      scenario: 'throughput',
      measure: `${plan.throughputClients} clients, rising open-loop rate: highest persisted msg/s with p99 < ${r.throughput.p99BoundMs} ms, 0 lost`,
      unit: ' msg/s',
      product: r.throughput.product.sustainedRate,
      baselineName: 'P0',
      baseline: r.throughput.p0.sustainedRate,
      target: shareOfBaselineAtLeast(0.5, 'P0'),
    }),
    row({
      scenario: 'fan-out',
      measure: `a ${a.product.requested}-member group (${a.product.connected} connected; T0 ${a.t0.connected}), ${plan.fanoutRate} msg/s: p99 time to the last recipient`,
      unit: ' ms',
      product: never(a.product.fanout.lastRecipient.p99),
      baselineName: 'T0',
      baseline: a.t0.fanout.lastRecipient.p99,
      target: atMost(250, ' ms'),
    }),
    row({
      scenario: 'reconnect storm',
      measure: `${s.clients} clients, the API restarted: % back and caught up within ${plan.stormWindowMs / 1000} s of it answering`,
      unit: '%',
      product: percent(s.caughtUpWithinWindow!, s.clients),
      target: atLeast(100, '%'),
    }),
    row({
      scenario: 'reconnect storm',
      measure: 'messages lost',
      unit: '',
      product: s.lost!,
      target: zero,
    }),
    row({
      scenario: 'reconnect storm',
      measure: 'messages duplicated',
      unit: '',
      product: s.duplicated!,
      target: zero,
    }),
    row({
      scenario: 'memory',
      measure: `RSS per idle authenticated connection (${a.product.connected} connected; T0 ${a.t0.connected})`,
      unit: ' kB',
      // Over a handful of connections the figure is mostly noise: not measured under 100.
      product:
        a.product.connected >= MEMORY_MIN_SOCKETS ? a.product.perConnectionBytes / 1024 : null,
      baselineName: 'T0',
      baseline: a.t0.perConnectionBytes / 1024,
      target: timesBaselineAtMost(1.5, 'T0'),
    }),
    row({
      scenario: 'jobs',
      measure: 'notification jobs processed per second (deliver; see jobs.ts PRODUCT_JOB)',
      unit: ' jobs/s',
      product: r.jobs.product.perSecond,
      baselineName: 'Q0',
      baseline: r.jobs.q0.perSecond,
      target: shareOfBaselineAtLeast(0.5, 'Q0'),
    }),
  ];
}

/** What the table cannot say: sizes, the client's own load, refusals, the restart. */
export function notes(plan: Plan, r: Results, jobOptions: object): string[] {
  const lp = r.latency.product.result;
  const list = [
    `One load client process drove every target (WebSocket transport only); its CPU during latency: product run ${r.latency.product.result.client.cpuPercent.toFixed(0)}%, T0 run ${r.latency.t0.result.client.cpuPercent.toFixed(0)}%; event-loop delay p99 ${r.latency.product.result.client.eventLoopDelayP99Ms.toFixed(1)} ms / ${r.latency.t0.result.client.eventLoopDelayP99Ms.toFixed(1)} ms.`,
    `Latency: ${lp.sent} measured messages (${plan.warmupSeconds} s warm-up left out), ${lp.expectedDeliveries} deliveries expected; product: ${lp.lost} not delivered within the drain (counted as infinitely late), ${lp.sent - lp.acked} not acked, ack p99 ${fixed(lp.ack.p99)}; server CPU during traffic: product API ${r.latency.product.serverCpuPercent.toFixed(0)}%, T0 ${r.latency.t0.serverCpuPercent.toFixed(0)}% of one core.`,
    `Reconnect storm: the API was down ${r.storm.downtimeMs} ms (SIGTERM, then a new process on the same port until /api/health answered); ${r.storm.neverBack} clients never came back and ${r.storm.notCaughtUp} never caught up within 30 s; ${r.storm.retries} sends retried with their clientMessageId; ${r.storm.stored} messages stored; of the lost, ${r.storm.lostTail} were past the last seq the member held (not delivered), the rest holes.`,
    `Admission: ${r.admission.product.connected} of ${r.admission.product.requested} product sockets connected in the end (T0 ${r.admission.t0.connected}); refusals by code: product ${JSON.stringify(r.admission.product.errors)}, T0 ${JSON.stringify(r.admission.t0.errors)}; load client CPU ${r.admission.product.clientCpuPercent.toFixed(0)}% / ${r.admission.t0.clientCpuPercent.toFixed(0)}%.`,
    `Fan-out: load client CPU ${r.admission.product.fanout.client.cpuPercent.toFixed(0)}% (product run) / ${r.admission.t0.fanout.client.cpuPercent.toFixed(0)}% (T0 run), event-loop delay p99 ${r.admission.product.fanout.client.eventLoopDelayP99Ms.toFixed(1)} / ${r.admission.t0.fanout.client.eventLoopDelayP99Ms.toFixed(1)} ms: one process receives every copy, so with thousands of members it can be what limits T0's figure; ${r.admission.product.fanout.lost} product deliveries never came (T0 ${r.admission.t0.fanout.lost}).`,
    `Throughput ladder (rate → delivery p99, persisted/s): product ${steps(r.throughput.product.steps)}; P0 ${steps(r.throughput.p0.steps)}.`,
    `Jobs: ${plan.jobs} jobs added to the paused queue, timed from resume until none waits or runs; product failed ${r.jobs.product.failed}, Q0 failed ${r.jobs.q0.failed}; job options ${JSON.stringify(jobOptions)}.`,
  ];
  if (plan.mode === 'quick')
    list.unshift(
      `Quick run: ${plan.admission} sockets instead of 5,000 (admission, memory, fan-out group), ${plan.latencyClients} latency clients instead of 2,000, ${plan.stormClients} storm clients instead of 2,000, ${plan.stepSeconds} s throughput steps. Figures are indicative; the default run is the reference.`,
    );
  return list;
}

function steps(list: LadderStep[]): string {
  return list
    .map(
      (s) =>
        `${s.rate} → ${s.p99 === null ? 'never' : `${s.p99.toFixed(0)} ms`}, ${s.persistedPerSecond.toFixed(0)}/s${s.pass ? '' : ' (not sustained)'}`,
    )
    .join('; ');
}

const fixed = (value: number | null) => (value === null ? 'never' : `${value.toFixed(1)} ms`);
