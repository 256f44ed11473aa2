import 'reflect-metadata';
import { join } from 'node:path';
import type { LoginResponse } from '@mindsp/contracts';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { JwtService } from '@nestjs/jwt';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS } from '../src/redis/redis.module';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { dataSourceOptions } from '../src/database/data-source';
import { loadConfig } from '../src/config/config';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  url: string;
  /** The tables' owner, beside the app's own pool: sees every tenant's rows, for setup and checks. */
  db: DataSource;
  close(): Promise<void>;
}

/**
 * The real app, configured as main.ts does, listening on a free port, against the run's database
 * and Redis. `env` overrides configuration for this instance only.
 */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const saved = { ...process.env };
  // Served as in production: the API also serves the SPA (a fixture stands in for the build).
  Object.assign(process.env, { WEB_DIST: join(__dirname, 'fixtures/web') }, env);
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule, {
      bodyParser: false,
      logger: ['error'],
    });
    configureApp(app, loadConfig());
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const owner = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!)).initialize();
    return {
      app,
      url,
      http: request(app.getHttpServer()),
      db: owner,
      close: async () => {
        await app.close();
        await owner.destroy();
      },
    };
  } finally {
    process.env = saved;
  }
}

export async function login(
  http: TestApp['http'],
  tenant: string,
  email: string,
  password = 'demo1234',
) {
  const res = await http.post('/api/auth/login').send({ tenant, email, password }).expect(200);
  return res.body as LoginResponse;
}

/** Forgets failed sign-in counts (they live in Redis and outlast one app instance). */
export async function resetLoginLimits(t: TestApp) {
  const redis = t.app.get<Redis>(REDIS);
  const keys = await redis.keys('login-fail-*');
  if (keys.length) await redis.del(...keys);
}

/**
 * Tokens an attacker could present, made from a real one: expired (our secret, past exp), forged
 * (another secret, role admin) and unsigned (`alg: none`, role admin).
 */
export async function badAccessTokens(t: TestApp, accessToken: string) {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString());
  const { sub, tid, role } = claims;
  const expired = await t.app
    .get(JwtService)
    .signAsync({ sub, tid, role, exp: Math.floor(Date.now() / 1000) - 10 });
  const forged = new JwtService({ secret: 'another-secret-another-secret-another' }).sign({
    sub,
    tid,
    role: 'admin',
  });
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const algNone = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claims, role: 'admin' })}.`;
  return { expired, forged, algNone };
}
