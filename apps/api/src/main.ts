import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { LISTEN_BACKLOG, loadConfigOrExit, preflightOrExit } from './boot';

async function bootstrap() {
  const config = loadConfigOrExit();
  await preflightOrExit(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: [...config.logLevels],
  });
  configureApp(app, config);
  // Nest hands its arguments to Node's listen(port, backlog); its types only know a hostname.
  await (app as unknown as { listen(port: number, backlog: number): Promise<unknown> }).listen(
    config.port,
    LISTEN_BACKLOG,
  );
  new Logger('Bootstrap').log(
    `API listening on http://localhost:${config.port} (docs at /api/docs)`,
  );
}

void bootstrap();
