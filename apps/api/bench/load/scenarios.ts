import type { BenchGroup, BenchUser } from './database';
import type { Command } from './client';
import { cpuSeconds, rssBytes } from './processes';
import { ladder, type Plan, sustained } from './plan';
import type { P0Result } from './p0';
import type { TargetSpec } from './sockets';
import type { StoredMessage } from './storm';
import type { TrafficResult } from './traffic';

/** One request to the load client process, answered with its figures. */
export type Ask = <T>(command: Command) => Promise<T>;

export interface Context {
  plan: Plan;
  ask: Ask;
  users: BenchUser[];
  groups: {
    fanout: BenchGroup;
    latency: BenchGroup[];
    throughput: BenchGroup[];
    p0: BenchGroup[];
    storm: BenchGroup[];
  };
  dbUrl: string;
  tenantId: string;
  product: TargetSpec & { pid: () => number };
  t0: TargetSpec & { pid: () => number };
  /** Stops the API and starts it again on the same port; resolves once it answers. */
  restartProduct: () => Promise<{ killedAt: number; upAt: number }>;
  lastSeqs: (conversationIds: string[]) => Promise<Record<string, number>>;
  stored: (conversationIds: string[]) => Promise<StoredMessage[]>;
  log: (line: string) => void;
}

const indexed = (users: BenchUser[], count: number) =>
  users.slice(0, count).map((user, index) => ({ user, index }));

export interface AdmissionFigures {
  requested: number;
  clientCpuPercent: number;
  connected: number;
  withinWindow: number;
  timeToAllMs: number | null;
  errors: Record<string, number>;
  rssBeforeBytes: number;
  rssAfterBytes: number;
  perConnectionBytes: number;
  fanout: TrafficResult;
}

/**
 * Admission, memory and fan-out on one population: `admission` sockets of one tenant connect at
 * once; once idle, the server's RSS per connection; then the 5,000-member group (all of them)
 * gets 2 messages a second and each message is timed to its last recipient.
 */
export async function admissionMemoryFanout(
  ctx: Context,
  server: TargetSpec & { pid: () => number },
): Promise<AdmissionFigures> {
  const { plan } = ctx;
  const target = spec(server);
  await sleepMs(1000);
  const rssBeforeBytes = rssBytes(server.pid());
  const admission = await ctx.ask<
    Omit<AdmissionFigures, 'rssBeforeBytes' | 'rssAfterBytes' | 'perConnectionBytes' | 'fanout'>
  >({
    type: 'connect',
    target,
    users: indexed(ctx.users, plan.admission),
    groups: [ctx.groups.fanout],
    mode: 'burst',
    windowMs: plan.admissionWindowMs,
    giveUpMs: plan.admissionWindowMs * 2,
  });
  ctx.log(
    `  ${target.kind} admission: ${admission.withinWindow}/${admission.requested} within ${plan.admissionWindowMs / 1000} s`,
  );
  // Idle and authenticated: let the connection work (presence, room joins) finish first.
  await sleepMs(2000);
  const rssAfterBytes = rssBytes(server.pid());
  const perConnectionBytes = (rssAfterBytes - rssBeforeBytes) / Math.max(1, admission.connected);
  const fanout = await ctx.ask<TrafficResult>({
    type: 'traffic',
    groups: [ctx.groups.fanout],
    options: {
      rate: plan.fanoutRate,
      seconds: plan.fanoutSeconds,
      warmupSeconds: 1,
      drainMs: 10_000,
    },
  });
  ctx.log(`  ${target.kind} fan-out: p99 to last recipient ${ms(fanout.lastRecipient.p99)}`);
  await ctx.ask({ type: 'close' });
  return { ...admission, rssBeforeBytes, rssAfterBytes, perConnectionBytes, fanout };
}

/** Latency: the clients in groups of 10, `latencyRate` messages a second, open loop. */
export async function latency(ctx: Context, server: TargetSpec & { pid: () => number }) {
  const { plan } = ctx;
  const target = spec(server);
  const connected = await ctx.ask<{ requested: number; connected: number; seconds: number }>({
    type: 'connect',
    target,
    users: indexed(ctx.users, plan.latencyClients),
    groups: ctx.groups.latency,
    mode: 'waves',
    windowMs: 0,
    giveUpMs: 30_000,
  });
  await sleepMs(plan.settleMs);
  const cpuBefore = cpuSeconds(server.pid());
  const started = Date.now();
  const result = await ctx.ask<TrafficResult>({
    type: 'traffic',
    groups: ctx.groups.latency,
    options: {
      rate: plan.latencyRate,
      seconds: plan.latencySeconds,
      warmupSeconds: plan.warmupSeconds,
      drainMs: 5000,
    },
  });
  ctx.log(
    `  ${target.kind} latency: p50 ${ms(result.delivery.p50)}, p99 ${ms(result.delivery.p99)}`,
  );
  // The server's own CPU share over the traffic: near 100% of a core means it was saturated.
  const serverCpuPercent =
    ((cpuSeconds(server.pid()) - cpuBefore) * 100 * 1000) / (Date.now() - started);
  await ctx.ask({ type: 'close' });
  return { connected, result, serverCpuPercent };
}

export interface LadderStep {
  rate: number;
  p99: number | null;
  persistedPerSecond: number;
  lost: number;
  failed: number;
  pass: boolean;
}

/**
 * Throughput: rising open-loop rates until one is not sustained (p99 ≥ 100 ms, a loss or a
 * refusal), then one step halfway between the last pass and the miss (the default run).
 */
async function climb(ctx: Context, label: string, step: (rate: number) => Promise<LadderStep>) {
  const steps: LadderStep[] = [];
  for (const rate of ladder(ctx.plan)) {
    const s = await step(rate);
    steps.push(s);
    ctx.log(
      `  ${label} ${rate} msg/s: p99 ${ms(s.p99)}, lost ${s.lost}, refused ${s.failed} → ${s.pass ? 'sustained' : 'not sustained'}`,
    );
    if (!s.pass) break;
  }
  // Not even the first rate held (a loaded machine): come down until one does, or to a quarter.
  for (
    let rate = Math.round(steps[0]!.rate / 2);
    !steps.some((s) => s.pass) && rate >= ctx.plan.ladderStart / 4;
    rate = Math.round(rate / 2)
  ) {
    const s = await step(rate);
    steps.push(s);
    ctx.log(
      `  ${label} ${rate} msg/s: p99 ${ms(s.p99)} → ${s.pass ? 'sustained' : 'not sustained'}`,
    );
  }
  const best = Math.max(0, ...steps.filter((s) => s.pass).map((s) => s.rate));
  const miss = Math.min(...steps.filter((s) => !s.pass && s.rate > best).map((s) => s.rate));
  // One step halfway between the highest rate held and the lowest missed above it.
  const mid = Math.round((best + miss) / 2);
  if (ctx.plan.ladderFactor < 2 && best > 0 && mid > best && mid < miss) {
    const s = await step(mid);
    steps.push(s);
    ctx.log(
      `  ${label} ${mid} msg/s: p99 ${ms(s.p99)} → ${s.pass ? 'sustained' : 'not sustained'}`,
    );
  }
  const sustainedRate = Math.max(
    0,
    ...steps.filter((s) => s.pass).map((s) => s.persistedPerSecond),
  );
  return { steps, sustainedRate };
}

const P99_BOUND_MS = 100;

export async function throughput(ctx: Context) {
  const { plan } = ctx;
  const options = (rate: number) => ({
    rate,
    seconds: plan.stepSeconds,
    warmupSeconds: 1,
    drainMs: 3000,
  });
  await ctx.ask({
    type: 'connect',
    target: spec(ctx.product),
    users: indexed(ctx.users, plan.throughputClients),
    groups: ctx.groups.throughput,
    mode: 'waves',
    windowMs: 0,
    giveUpMs: 30_000,
  });
  await sleepMs(plan.settleMs);
  const product = await climb(ctx, 'product', async (rate) => {
    const r = await ctx.ask<TrafficResult>({
      type: 'traffic',
      groups: ctx.groups.throughput,
      options: options(rate),
    });
    // Refused, timed out, or never sent (no member of the group connected to send it).
    const failed = r.sent - r.acked + (r.ackErrors.no_connected_sender ?? 0);
    const step = {
      rate,
      p99: r.delivery.p99,
      persistedPerSecond: r.persistedPerSecond,
      lost: r.lost,
      failed,
    };
    return {
      ...step,
      pass: sustained({ ...step, p99BoundMs: P99_BOUND_MS }),
      client: r.client,
    } as LadderStep;
  });
  await ctx.ask({ type: 'close' });
  const p0 = await climb(ctx, 'P0', async (rate) => {
    const r = await ctx.ask<P0Result>({
      type: 'p0',
      url: ctx.dbUrl,
      tenantId: ctx.tenantId,
      users: ctx.users,
      groups: ctx.groups.p0,
      options: options(rate),
    });
    const step = {
      rate,
      p99: r.commit.p99,
      persistedPerSecond: r.persistedPerSecond,
      lost: 0,
      failed: r.sent - r.committed,
    };
    return { ...step, pass: sustained({ ...step, p99BoundMs: P99_BOUND_MS }) };
  });
  return { product, p0, p99BoundMs: P99_BOUND_MS };
}

/** The reconnect storm: traffic through an API restart; everyone back, caught up, nothing lost. */
export async function storm(ctx: Context) {
  const { plan } = ctx;
  const ids = ctx.groups.storm.map((g) => g.id);
  const connected = await ctx.ask<{ connected: number }>({
    type: 'connect',
    target: spec(ctx.product),
    users: indexed(ctx.users, plan.stormClients),
    groups: ctx.groups.storm,
    mode: 'waves',
    windowMs: 0,
    giveUpMs: 30_000,
  });
  await sleepMs(plan.settleMs);
  await ctx.ask({ type: 'storm-start', groups: ctx.groups.storm, rate: plan.stormRate });
  await sleepMs(plan.stormLeadSeconds * 1000);
  const { killedAt, upAt } = await ctx.restartProduct();
  ctx.log(`  API restarted: down ${upAt - killedAt} ms`);
  await ctx.ask({
    type: 'storm-restarted',
    info: { killedAt, upAt, lastSeqs: await ctx.lastSeqs(ids) },
    deadlineMs: plan.stormWindowMs * 3,
  });
  const result = await ctx.ask<Record<string, number> & { clients: number }>({
    type: 'storm-stored',
    stored: await ctx.stored(ids),
    windowMs: plan.stormWindowMs,
  });
  await ctx.ask({ type: 'close' });
  ctx.log(`  storm: ${JSON.stringify(result)}`);
  return { connected: connected.connected, ...result };
}

export const sleepMs = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** What the client process needs to know of a server (functions do not cross IPC). */
const spec = ({ kind, url }: TargetSpec): TargetSpec => ({ kind, url });

const ms = (value: number | null) => (value === null ? 'never' : `${value.toFixed(1)} ms`);
