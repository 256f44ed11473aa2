import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';
import { startFront } from './front';

/**
 * `pnpm nx run api:cluster`: INSTANCES API processes and WORKERS queue workers on this machine,
 * against one PostgreSQL and one Redis (DATABASE_URL, REDIS_URL as for one instance), and the
 * front on PORT spreading connections over them. Instance i listens on INSTANCE_BASE_PORT + i.
 * A child that dies is started again after a second; Ctrl+C (or SIGTERM) stops them all.
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
  const urls: string[] = [];
  for (let i = 0; i < env.INSTANCES; i++) {
    const port = base + i;
    urls.push(`http://127.0.0.1:${port}`);
    run(`api-${i + 1}:${port}`, 'main.js', { PORT: String(port) });
  }
  for (let i = 0; i < env.WORKERS; i++) run(`worker-${i + 1}`, 'worker.js');
  const front = await startFront(urls, { port: env.PORT, host: '0.0.0.0' });
  console.log(
    `[cluster] ${env.INSTANCES} API instance(s) on ports ${base}-${base + env.INSTANCES - 1}, ` +
      `${env.WORKERS} worker(s); front on http://localhost:${env.PORT}`,
  );

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[cluster] ${signal}: stopping ${children.size} process(es)`);
    await front.close();
    // SIGTERM lets each drain (workers finish their active jobs); whatever remains is killed.
    const exited = [...children].map(
      (child) => new Promise((resolve) => child.once('exit', resolve)),
    );
    for (const child of children) child.kill('SIGTERM');
    const timeout = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), 15_000);
    await Promise.all(exited);
    clearTimeout(timeout);
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void stop(signal));
  }
  // Last resort (an uncaught error here): no orphan keeps a port.
  process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));
}

void main();
