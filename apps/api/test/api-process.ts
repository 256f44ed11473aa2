import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

/** An API instance as `pnpm nx run api:serve` starts it (built `dist/main.js`), on a port of its own. */
export interface ApiProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A port free right now (the OS's choice), for a process that takes its port from the environment. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the built API against this run's database and Redis (`env` overrides); resolves once it listens. */
export async function startApiProcess(env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const child = spawn(process.execPath, [join(__dirname, '../dist/main.js')], {
    env: { ...process.env, NODE_ENV: 'test', ...env, PORT: String(port) },
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('API listening')) {
        clearTimeout(timer);
        resolve({ child, url, port, output: () => output, exited });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(({ code }) => reject(new Error(`API exited with ${code}:\n${output}`)));
  });
}

/** Ends an instance that may still run (SIGTERM unless told otherwise); resolves once it is gone. */
export async function stopApiProcess(
  api: ApiProcess | undefined,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (!api || api.child.exitCode !== null || api.child.signalCode !== null) return;
  api.child.kill(signal);
  await api.exited;
}
