import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { apiDocument } from './openapi';

/**
 * Prints the OpenAPI document on stdout without a database, Redis or a port: Nest's preview
 * mode reads the modules' routes and DTOs without creating a provider.
 * `node dist/print-openapi.js > openapi.json`
 */
async function main() {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  app.setGlobalPrefix('api');
  process.stdout.write(`${JSON.stringify(apiDocument(app), null, 2)}\n`);
  await app.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
