import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const API_DIR = resolve(__dirname, '../..');

/** A port the OS hands out now: the product reads PORT, so it cannot report one it chose itself. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Running {
  name: string;
  child: ChildProcess;
  pid: number;
  exited: Promise<number | null>;
  /** The last 20 kB it printed. */
  output: () => string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a process whose output goes to `<logDir>/<name>.log`; resolves once `ready` says so.
 * A process that exits before it is ready fails the start, naming its log.
 */
export async function start(options: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
  cwd?: string;
  ready: (output: string) => Promise<boolean> | boolean;
  timeoutMs?: number;
}): Promise<Running> {
  const logPath = join(options.logDir, `${options.name}.log`);
  const log = createWriteStream(logPath, { flags: 'a' });
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd ?? API_DIR,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
    log.end();
  });
  const running: Running = {
    name: options.name,
    child,
    pid: child.pid!,
    exited,
    output: () => output,
    async stop(graceMs = 5000) {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!(await options.ready(output))) {
    if (gone) throw new Error(`${options.name} exited before it was ready; see ${logPath}`);
    if (Date.now() > deadline) {
      await running.stop();
      throw new Error(`${options.name} not ready in time; see ${logPath}`);
    }
    await sleep(100);
  }
  return running;
}

/** Ready when GET /api/health answers 200 (database and Redis reachable). */
export const healthy = (port: number) => async () => {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    return response.ok;
  } catch {
    return false;
  }
};

/** Resident set size in bytes, from /proc (Linux): what the process holds in RAM right now. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return kb ? Number(kb[1]) * 1024 : NaN;
}

/** CPU seconds (user + system) the process has used so far, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Runs a command to its end (the CLI's migrate); a non-zero exit fails, naming its log. */
export async function runToEnd(options: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
}): Promise<void> {
  const logPath = join(options.logDir, `${options.name}.log`);
  const log = createWriteStream(logPath, { flags: 'a' });
  const child = spawn(process.execPath, options.args, {
    cwd: API_DIR,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`${options.name} exited with ${code}; see ${logPath}`);
}
