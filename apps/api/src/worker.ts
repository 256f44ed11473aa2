import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit, preflightOrExit } from './boot';
import { WorkerModule } from './worker.module';

/** The queue workers, as their own process: start it N times to process N times faster. */
async function bootstrap() {
  const config = loadConfigOrExit();
  await preflightOrExit(config);
  const app = await NestFactory.createApplicationContext(WorkerModule);
  app.enableShutdownHooks();
  new Logger('Worker').log('Queue worker started');
}

void bootstrap();
