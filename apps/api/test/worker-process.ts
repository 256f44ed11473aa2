import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { QUEUES, QUEUE_PREFIX, queueConnection } from '../src/queues/queue-connection';

/** A worker process as `pnpm nx run api:worker` starts it, against this run's database and Redis. */
export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** Its exit code (null when a signal ended it), once it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built worker (`dist/worker.js`) and resolves once it is taking jobs. */
export function startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [join(__dirname, '../dist/worker.js')], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Queue worker started')) {
        clearTimeout(timer);
        resolve({ child, pid: child.pid!, output: () => output, exited });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(({ code }) => reject(new Error(`worker exited with ${code}:\n${output}`)));
  });
}

/** Ends a worker that may still run; resolves once it is gone. */
export async function stopWorker(worker: WorkerProcess | undefined): Promise<void> {
  if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  await worker.exited;
}

/**
 * The e2e suites share one database and Redis, run one after the other: messages sent by earlier
 * suites (with no worker running) wait in the outbox and the notifications queue. A suite that
 * counts notifications starts without that backlog, so it waits on its own jobs only.
 */
export async function forgetEarlierSuitesWork(db: { query(sql: string): Promise<unknown> }) {
  await db.query('DELETE FROM outbox');
  const connection = queueConnection(process.env.REDIS_URL!);
  for (const name of [QUEUES.notifications, QUEUES.emails]) {
    const queue = new Queue(name, { connection, prefix: QUEUE_PREFIX });
    // Waiting and delayed jobs; nothing is active, no worker runs.
    await queue.drain(true);
    await queue.close();
  }
}
