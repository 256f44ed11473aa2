import { LIMITS } from '@mindsp/contracts';
import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { validationPipe } from './common/validation.pipe';
import { HttpErrorsFilter } from './common/http-errors.filter';
import { AppSocketAdapter } from './realtime/socket-io.adapter';
import { SwaggerModule } from '@nestjs/swagger';
import { apiDocument } from './openapi';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from './config/config';
import { securityHeaders } from './security-headers';

const DOCS_PATH = '/api/docs';

/** Everything main.ts and the tests both need, so tests run the app exactly as it ships. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.setGlobalPrefix('api');
  app.useBodyParser('json', { limit: LIMITS.requestBodyBytes });
  app.useBodyParser('urlencoded', { limit: LIMITS.requestBodyBytes, extended: false });
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new HttpErrorsFilter(app.get(HttpAdapterHost)));
  app.enableCors({ origin: config.webOrigins, credentials: true });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(securityHeaders(DOCS_PATH));
  app.enableShutdownHooks();
  app.useWebSocketAdapter(new AppSocketAdapter(app, config));
  if (config.webDist) serveSpa(app, config.webDist);

  const document = apiDocument(app);
  SwaggerModule.setup(DOCS_PATH.slice(1), app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/**
 * The built SPA on the same origin; page loads outside /api fall back to index.html for client
 * routes. HEAD answers as GET does (without the body), as HTTP requires and link checkers expect.
 * A missing file under /assets stays a 404: index.html in its place would be refused as a script
 * under nosniff, with a message far less clear than the 404.
 */
function serveSpa(app: NestExpressApplication, webDist: string) {
  app.useStaticAssets(webDist, { index: false, maxAge: '1h' });
  const indexHtml = join(webDist, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPageLoad =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !/^\/(api|socket\.io|assets)(\/|$)/.test(req.path) &&
      req.accepts('html');
    if (!isPageLoad) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
