import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { loadConfigOrExit, preflightOrExit } from './boot';

async function bootstrap() {
  const config = loadConfigOrExit();
  await preflightOrExit(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false });
  configureApp(app, config);
  await app.listen(config.port);
  new Logger('Bootstrap').log(
    `API listening on http://localhost:${config.port} (docs at /api/docs)`,
  );
}

void bootstrap();
