import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The repository's HAProxy configuration (everything but the list of instances), as compose and
 * a deployment use it: docker/haproxy/haproxy.cfg.
 */
export const HAPROXY_CONFIG = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'docker',
  'haproxy',
  'haproxy.cfg',
);

/** Debian's package puts it in /usr/sbin, which a non-root PATH may lack. */
const HAPROXY_BIN =
  process.env.HAPROXY_BIN ?? (existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy');
const START_TIMEOUT_MS = 10_000;

export interface Instance {
  /** The server's name in HAProxy (`api-1`...): what the runtime API's commands name. */
  name: string;
  port: number;
  host?: string;
}

export interface Haproxy {
  child: ChildProcess;
  /** Where clients connect. */
  url: string;
  /** HAProxy's runtime API (a Unix socket): `set server api/api-2 state drain` and the like. */
  socketPath: string;
  /** One runtime API command; resolves to its answer. */
  command(line: string): Promise<string>;
  /** Each instance's state as HAProxy sees it: `UP`, `DOWN`, `DRAIN`, `MAINT`... */
  states(): Promise<Record<string, string>>;
  /** No new connection goes to the instance; those it holds go on until it closes them. */
  drain(name: string): Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts HAProxy before `instances` on host:port, with the repository's configuration and a
 * second file written here: the runtime API's socket and one `server` line per instance.
 */
export async function startHaproxy(
  instances: Instance[],
  { port, host = '127.0.0.1' }: { port: number; host?: string },
): Promise<Haproxy> {
  const dir = mkdtempSync(join(tmpdir(), 'mindsp-haproxy-'));
  const socketPath = join(dir, 'admin.sock');
  const servers = join(dir, 'servers.cfg');
  writeFileSync(
    servers,
    [
      'global',
      `  stats socket ${socketPath} mode 600 level admin`,
      '',
      'backend api',
      ...instances.map((i) => `  server ${i.name} ${i.host ?? '127.0.0.1'}:${i.port}`),
      '',
    ].join('\n'),
  );
  const child = spawn(HAPROXY_BIN, ['-db', '-f', HAPROXY_CONFIG, '-f', servers], {
    env: { ...process.env, FRONT_BIND: `${host}:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));

  const command = (line: string) => runtimeCommand(socketPath, line);
  // Up once its runtime API answers (it opens the socket with the listeners).
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (gone) throw new Error(`HAProxy exited:\n${output}`);
    if (
      await command('show info').then(
        () => true,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`HAProxy did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    child,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    socketPath,
    command,
    states: async () => serverStates(await command('show stat')),
    drain: async (name) => {
      await command(`set server api/${name} state drain`);
    },
    output: () => output,
    stop: async () => {
      // At once (SIGTERM): the front goes last, once the instances behind it are stopping.
      if (!gone) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function runtimeCommand(socketPath: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let answer = '';
    socket.on('connect', () => socket.end(`${line}\n`));
    socket.on('data', (chunk: Buffer) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** `show stat`'s CSV, reduced to the servers of backend `api` and their status. */
function serverStates(csv: string): Record<string, string> {
  const [header, ...rows] = csv.trim().split('\n');
  const columns = header!.replace(/^# /, '').split(',');
  const [proxy, server, status] = ['pxname', 'svname', 'status'].map((c) => columns.indexOf(c));
  const states: Record<string, string> = {};
  for (const row of rows) {
    const cells = row.split(',');
    const name = cells[server!]!;
    if (cells[proxy!] === 'api' && name !== 'BACKEND' && name !== 'FRONTEND') {
      states[name] = cells[status!]!;
    }
  }
  return states;
}
