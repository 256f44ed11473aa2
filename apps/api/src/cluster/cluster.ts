import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';
import { startHaproxy } from './haproxy';

/**
 * `pnpm nx run api:cluster`: INSTANCES API processes and WORKERS queue workers on this machine,
 * against one PostgreSQL and one Redis (DATABASE_URL, REDIS_URL as for one instance), behind
 * HAProxy on PORT with the repository's configuration (docker/haproxy/haproxy.cfg). Instance i
 * listens on INSTANCE_BASE_PORT + i - 1 and is `api-i` in HAProxy. A child that dies is started
 * again after a second; Ctrl+C (or SIGTERM) stops them all.
 */
const env = z
  .object({
    INSTANCES: z.coerce.number().int().min(1).max(64).default(2),
    WORKERS: z.coerce.number().int().min(0).max(64).default(1),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    INSTANCE_BASE_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  })
  .parse(process.env);

const RESTART_AFTER_MS = 1000;
const children = new Set<ChildProcess>();
let stopping = false;

function run(name: string, script: string, extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, [join(__dirname, '..', script)], {
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout!.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) return;
    console.error(`[cluster] ${name} exited (${signal ?? code}); starting it again`);
    setTimeout(() => !stopping && run(name, script, extraEnv), RESTART_AFTER_MS);
  });
}

async function main() {
  const base = env.INSTANCE_BASE_PORT ?? env.PORT + 1;
  const instances = Array.from({ length: env.INSTANCES }, (_, i) => ({
    name: `api-${i + 1}`,
    port: base + i,
  }));
  for (const { name, port } of instances) run(`${name}:${port}`, 'main.js', { PORT: String(port) });
  for (let i = 0; i < env.WORKERS; i++) run(`worker-${i + 1}`, 'worker.js');
  const haproxy = await startHaproxy(instances, { port: env.PORT, host: '0.0.0.0' });
  haproxy.child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[haproxy] ${chunk}`));
  void new Promise((resolve) => haproxy.child.once('exit', resolve)).then(() => {
    if (!stopping) console.error(`[cluster] HAProxy exited:\n${haproxy.output()}`);
  });
  console.log(
    `[cluster] ${env.INSTANCES} API instance(s) (api-1..api-${env.INSTANCES}) on ports ` +
      `${base}-${base + env.INSTANCES - 1}, ${env.WORKERS} worker(s); HAProxy on ` +
      `http://localhost:${env.PORT}, runtime API at ${haproxy.socketPath} ` +
      `(drain one: echo "set server api/api-1 state drain" | socat stdio ${haproxy.socketPath})`,
  );

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[cluster] ${signal}: stopping ${children.size} process(es)`);
    // SIGTERM lets each drain (instances close their sockets, workers finish their active
    // jobs); whatever remains is killed. HAProxy goes last.
    const exited = [...children].map(
      (child) => new Promise((resolve) => child.once('exit', resolve)),
    );
    for (const child of children) child.kill('SIGTERM');
    const timeout = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), 15_000);
    await Promise.all(exited);
    clearTimeout(timeout);
    await haproxy.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void stop(signal));
  }
  // Last resort (an uncaught error here): no orphan keeps a port.
  process.on('exit', () => {
    children.forEach((child) => child.kill('SIGKILL'));
    haproxy.child.kill('SIGKILL');
  });
}

void main();
