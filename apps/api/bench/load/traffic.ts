import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchGroup } from './database';
import { BODY, type Member, newClientMessageId, now } from './sockets';
import { type Summary, summarize } from './stats';

export interface TrafficOptions {
  /** Messages per second, open loop: message i is due at start + i / rate, whatever came before. */
  rate: number;
  seconds: number;
  /** Sent at the same rate before the measured part, and left out of every figure. */
  warmupSeconds: number;
  /** How long to wait after the last send for acks and deliveries still on their way. */
  drainMs: number;
}

export interface TrafficResult {
  rate: number;
  seconds: number;
  sent: number;
  acked: number;
  ackErrors: Record<string, number>;
  expectedDeliveries: number;
  deliveries: number;
  /** Deliveries a connected member should have had and did not get by the end of the drain. */
  lost: number;
  duplicates: number;
  /** Scheduled send time → each recipient's receipt (the sender's own echo excluded). */
  delivery: Summary;
  /** Scheduled send time → the sender's ack (the message is stored). */
  ack: Summary;
  /** Per message: scheduled send time → its last recipient's receipt (Infinity if one never got it). */
  lastRecipient: Summary;
  /** Acked messages per second over the measured part. */
  persistedPerSecond: number;
  client: ClientLoad;
}

/** How busy the load client was: near 100% CPU or a long event-loop delay means it measured itself. */
export interface ClientLoad {
  cpuPercent: number;
  eventLoopDelayP99Ms: number;
}

interface Sent {
  conversationId: string;
  senderIndex: number;
  scheduledAt: number;
  measured: boolean;
  expected: number;
  receivedBy: Set<number>;
  lastReceivedAt: number;
  acked: boolean;
}

/**
 * Drives `groups` open loop: message i goes to group i mod G, from its members in turn (a
 * connected one). Send and receipt are stamped in this one process, against the scheduled time,
 * so a slow server (or a stalled client) shows as latency instead of silently lowering the rate.
 */
export async function runTraffic(
  members: Member[],
  groups: BenchGroup[],
  options: TrafficOptions,
): Promise<TrafficResult> {
  const byIndex = new Map(members.map((m) => [m.index, m]));
  const messages = new Map<string, Sent>();
  const delivery: number[] = [];
  const ack: number[] = [];
  const ackErrors: Record<string, number> = {};
  let duplicates = 0;

  const handlers = members.map((member) => {
    const handler = (message: { clientMessageId?: string }) => {
      const at = now();
      const sent = messages.get(String(message?.clientMessageId));
      if (!sent || sent.senderIndex === member.index) return;
      if (sent.receivedBy.has(member.index)) return void duplicates++;
      sent.receivedBy.add(member.index);
      sent.lastReceivedAt = at;
      if (sent.measured) delivery.push(at - sent.scheduledAt);
    };
    member.socket.on('message:new', handler);
    return () => member.socket.off('message:new', handler);
  });

  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpuBefore = process.cpuUsage();
  const warmup = Math.round(options.rate * options.warmupSeconds);
  const total = warmup + Math.round(options.rate * options.seconds);
  const start = now() + 20;
  let next = 0;

  const send = (i: number) => {
    const group = groups[i % groups.length]!;
    const turn = Math.floor(i / groups.length);
    let sender: Member | undefined;
    for (let k = 0; k < group.members.length && !sender; k++) {
      const candidate = byIndex.get(group.members[(turn + k) % group.members.length]!);
      if (candidate?.socket.connected) sender = candidate;
    }
    if (!sender)
      return void (ackErrors.no_connected_sender = (ackErrors.no_connected_sender ?? 0) + 1);
    const expected = group.members.filter(
      (m) => m !== sender.index && byIndex.get(m)?.socket.connected,
    ).length;
    const clientMessageId = newClientMessageId();
    const sent: Sent = {
      conversationId: group.id,
      senderIndex: sender.index,
      scheduledAt: start + (i * 1000) / options.rate,
      measured: i >= warmup,
      expected,
      receivedBy: new Set(),
      lastReceivedAt: NaN,
      acked: false,
    };
    messages.set(clientMessageId, sent);
    sender.socket
      .timeout(options.drainMs + 10_000)
      .emit(
        'message:send',
        { conversationId: group.id, clientMessageId, body: BODY },
        (error: Error | null, response?: { ok: boolean; error?: { code: string } }) => {
          const code = error ? 'ack_timeout' : response?.ok ? null : (response?.error?.code ?? '?');
          if (code) return void (ackErrors[code] = (ackErrors[code] ?? 0) + 1);
          sent.acked = true;
          if (sent.measured) ack.push(now() - sent.scheduledAt);
        },
      );
  };

  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((now() - start) * options.rate) / 1000) + 1);
      while (next < due) send(next++);
      if (next >= total) {
        clearInterval(timer);
        done();
      }
    }, 1);
  });
  const sendEnded = now();
  const measured = [...messages.values()].filter((m) => m.measured);
  const complete = () => measured.every((m) => m.acked && m.receivedBy.size >= m.expected);
  while (!complete() && now() - sendEnded < options.drainMs) await sleep(20);
  const wall = (now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();
  for (const off of handlers) off();

  // What never came within the drain counts as infinitely late: percentiles over what did arrive
  // alone would flatter a server that drops or stalls (survivorship).
  for (const m of measured) {
    for (let k = m.receivedBy.size; k < m.expected; k++) delivery.push(Infinity);
    if (!m.acked) ack.push(Infinity);
  }
  if (process.env.BENCH_TIMELINE) writeTimeline(process.env.BENCH_TIMELINE, measured, start);
  const expectedDeliveries = measured.reduce((sum, m) => sum + m.expected, 0);
  const deliveries = measured.reduce((sum, m) => sum + Math.min(m.receivedBy.size, m.expected), 0);
  return {
    rate: options.rate,
    seconds: options.seconds,
    sent: measured.length,
    acked: measured.filter((m) => m.acked).length,
    ackErrors,
    expectedDeliveries,
    deliveries,
    lost: expectedDeliveries - deliveries,
    duplicates,
    delivery: summarize(delivery),
    ack: summarize(ack),
    lastRecipient: summarize(
      measured
        .filter((m) => m.expected > 0)
        .map((m) =>
          m.receivedBy.size >= m.expected ? m.lastReceivedAt - m.scheduledAt : Infinity,
        ),
    ),
    persistedPerSecond: measured.filter((m) => m.acked).length / options.seconds,
    client: {
      cpuPercent: ((cpu.user + cpu.system) / 1000 / (wall * 1000)) * 100,
      eventLoopDelayP99Ms: loop.percentile(99) / 1e6,
    },
  };
}

/**
 * BENCH_TIMELINE=<file>: each second of the run (by scheduled send time), its messages' worst time
 * to the last recipient and how many took over 50 ms: tells a steady slowness from a stall.
 */
function writeTimeline(file: string, measured: Sent[], start: number) {
  const seconds = new Map<number, { worst: number; over50: number; count: number }>();
  for (const m of measured) {
    const second = Math.floor((m.scheduledAt - start) / 1000);
    const late = m.receivedBy.size >= m.expected ? m.lastReceivedAt - m.scheduledAt : Infinity;
    const s = seconds.get(second) ?? { worst: 0, over50: 0, count: 0 };
    s.worst = Math.max(s.worst, late);
    s.over50 += late > 50 ? 1 : 0;
    s.count++;
    seconds.set(second, s);
  }
  const lines = [...seconds].map(
    ([second, s]) => `${second}\t${s.count}\t${s.over50}\t${s.worst.toFixed(1)}`,
  );
  appendFileSync(
    file,
    `started at ${new Date(Date.now() - (now() - start)).toISOString()}\nsecond\tsent\tover 50 ms\tworst ms\n${lines.join('\n')}\n\n`,
  );
}
