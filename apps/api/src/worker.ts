import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit, preflightOrExit } from './boot';
import { applyWorkerSettings } from './queues/worker-drain.service';
import { WorkerModule } from './worker.module';

/** The queue workers, as their own process: start it N times to process N times faster. */
async function bootstrap() {
  const config = loadConfigOrExit();
  await preflightOrExit(config);
  applyWorkerSettings(config.queueWorker);
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: [...config.logLevels],
  });
  const logger = new Logger('Worker');
  // Not enableShutdownHooks(): it ends by re-raising the signal, so the exit code would say
  // "killed". A drained worker exits 0; a job that never ends is left to the orchestrator's
  // SIGKILL, and stall detection runs it again elsewhere.
  // Ctrl+C in a terminal sends SIGINT to the worker and SIGTERM through the runner: one shutdown.
  let closing: Promise<void> | undefined;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (closing) return;
      logger.log(`${signal} received: finishing active jobs, then exiting`);
      closing = app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(error);
          process.exit(1);
        },
      );
    });
  }
  logger.log('Queue worker started');
}

void bootstrap();
