import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The built API as a process of its own: the run's (global-setup.ts) and, for a test that needs
// its own instance (outage.e2e.ts: one whose database is reached through a proxy), another.

const workspaceRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const apiMain = resolve(workspaceRoot, 'apps/api/dist/main.js');
// Generous: on a loaded machine (other suites beside it) the API took more than 30 s to boot.
const HEALTH_TIMEOUT_MS = 120_000;

export interface RunningProcess {
  stop(): Promise<void>;
  readonly child: ChildProcess;
  output(): string;
}

export interface RunningApi extends RunningProcess {
  ready(): Promise<void>;
}

/** Starts the API with `env` (its PORT answering at `baseUrl`); `ready()` once it is healthy. */
export function startApi(env: NodeJS.ProcessEnv, baseUrl: string): RunningApi {
  const started = startProcess(apiMain, env);
  const { child } = started;
  return {
    ...started,
    async ready() {
      const deadline = Date.now() + HEALTH_TIMEOUT_MS;
      while (Date.now() < deadline) {
        if (child.exitCode !== null)
          throw new Error(`The API exited with code ${child.exitCode}:\n${started.output()}`);
        if (await answers(`${baseUrl}/api/health`)) return;
        await new Promise((done) => setTimeout(done, 250));
      }
      throw new Error(
        `The API did not answer GET /api/health with 200 within ${HEALTH_TIMEOUT_MS / 1000} s:\n${started.output()}`,
      );
    },
  };
}

export function startProcess(entry: string, env: NodeJS.ProcessEnv): RunningProcess {
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: workspaceRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killLater = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killLater);
    },
  };
}

export async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}
