/**
 * The load client: its own process (forked by main.ts), so what it costs is not the servers' cost
 * and theirs is not its. One process stamps both the send and the receipt of every message. It
 * obeys the orchestrator's messages one at a time and answers each with its figures.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchGroup, BenchUser } from './database';
import { closeP0, runP0 } from './p0';
import {
  closeAll,
  connectInWaves,
  groupsByMember,
  type Member,
  now,
  openSocket,
  type TargetSpec,
} from './sockets';
import { type Restarted, type StoredMessage, Storm } from './storm';
import { summarize } from './stats';
import { runTraffic, type TrafficOptions } from './traffic';

export type Command =
  | {
      type: 'connect';
      target: TargetSpec;
      users: { user: BenchUser; index: number }[];
      /** For T0, which rooms each user index names in its handshake. */
      groups: BenchGroup[];
      /** burst: every socket at once (admission); waves: a few hundred at a time. */
      mode: 'burst' | 'waves';
      windowMs: number;
      giveUpMs: number;
    }
  | { type: 'traffic'; groups: BenchGroup[]; options: TrafficOptions }
  | { type: 'close' }
  | {
      type: 'p0';
      url: string;
      tenantId: string;
      users: BenchUser[];
      groups: BenchGroup[];
      options: TrafficOptions;
    }
  | { type: 'storm-start'; groups: BenchGroup[]; rate: number }
  | { type: 'storm-restarted'; info: Restarted; deadlineMs: number }
  | { type: 'storm-stored'; stored: StoredMessage[]; windowMs: number }
  | { type: 'exit' };

let members: Member[] = [];
let storm: Storm | null = null;

async function admission(command: Extract<Command, { type: 'connect' }>) {
  const groupsOf = groupsByMember(command.groups);
  const cpuBefore = process.cpuUsage();
  const started = now();
  members = command.users.map(({ user, index }) =>
    openSocket(command.target, user, index, groupsOf),
  );
  const deadline = started + command.giveUpMs;
  while (members.some((m) => m.connectedAt === null) && now() < deadline) await sleep(20);
  const times = members.filter((m) => m.connectedAt !== null).map((m) => m.connectedAt! - started);
  const cpu = process.cpuUsage(cpuBefore);
  const clientCpuPercent = ((cpu.user + cpu.system) / 1000 / (now() - started)) * 100;
  const errors: Record<string, number> = {};
  for (const m of members) for (const e of m.errors) errors[e] = (errors[e] ?? 0) + 1;
  // The ones that never made it stop retrying: they would only load the server from now on.
  for (const m of members) if (m.connectedAt === null) m.socket.close();
  return {
    requested: members.length,
    connected: times.length,
    withinWindow: times.filter((t) => t <= command.windowMs).length,
    timeToAllMs: times.length === members.length ? Math.max(...times) : null,
    connectMs: summarize(times),
    errors,
    clientCpuPercent,
  };
}

async function handle(command: Command): Promise<unknown> {
  switch (command.type) {
    case 'connect': {
      if (command.mode === 'burst') return admission(command);
      const started = now();
      members = await connectInWaves(
        command.target,
        command.users,
        groupsByMember(command.groups),
        {
          wave: 250,
          giveUpMs: command.giveUpMs,
          totalMs: 60_000,
        },
      );
      const connected = members.filter((m) => m.socket.connected).length;
      return { requested: command.users.length, connected, seconds: (now() - started) / 1000 };
    }
    case 'traffic':
      return runTraffic(
        members.filter((m) => m.socket.connected),
        command.groups,
        command.options,
      );
    case 'close':
      await closeP0();
      storm?.stopTraffic();
      storm = null;
      closeAll(members);
      members = [];
      // Let the server see the disconnects before the next scenario starts.
      await sleep(1000);
      return null;
    case 'p0':
      return runP0(command.url, command.tenantId, command.users, command.groups, command.options);
    case 'storm-start':
      storm = new Storm(members, command.groups);
      storm.startTraffic(command.rate);
      return { clients: storm.clients };
    case 'storm-restarted': {
      storm!.restartedWith(command.info);
      const deadline = command.info.upAt + command.deadlineMs;
      while (!storm!.allCaughtUp && Date.now() < deadline) await sleep(50);
      storm!.stopTraffic();
      // Retries and live deliveries still on their way.
      await sleep(3000);
      return null;
    }
    case 'storm-stored': {
      // Live deliveries still on their way are not losses: give them up to 10 s to land.
      const deadline = Date.now() + 10_000;
      let result = storm!.result(command.stored, command.windowMs);
      while (result.lost > result.ackedNotStored && Date.now() < deadline) {
        await sleep(250);
        result = storm!.result(command.stored, command.windowMs);
      }
      return result;
    }
    case 'exit':
      closeAll(members);
      setTimeout(() => process.exit(0), 100);
      return null;
  }
}

process.on('message', (command: Command) => {
  handle(command).then(
    (result) => process.send!({ ok: true, result }),
    (error: unknown) =>
      process.send!({ ok: false, error: String((error as Error)?.stack ?? error) }),
  );
});
