import { ConfigError, loadConfig } from './config';

const SECRET = { JWT_SECRET: 'a-test-secret-of-at-least-32-chars!!' };

describe('loadConfig', () => {
  it('has defaults that reach localhost', () => {
    const config = loadConfig(SECRET);
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: 'postgres://postgres@localhost:5432/mindsp',
      redisUrl: 'redis://localhost:6379',
      accessTokenTtl: 900,
      refreshTokenTtl: 30 * 86400,
    });
  });

  it('sends links to the URL the product is served at, not to a CORS origin', () => {
    expect(loadConfig(SECRET).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ ...SECRET, PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(
      loadConfig({ ...SECRET, PUBLIC_URL: 'https://sdis.example/mindsp/', WEB_ORIGIN: 'x' })
        .publicUrl,
    ).toBe('https://sdis.example/mindsp');
    expect(() => loadConfig({ ...SECRET, PUBLIC_URL: 'javascript:alert(1)' })).toThrow(
      /PUBLIC_URL/,
    );
  });

  it('reads durations in seconds, minutes, hours and days', () => {
    expect(loadConfig({ ...SECRET, JWT_ACCESS_TTL: '45s', JWT_REFRESH_TTL: '12h' })).toMatchObject({
      accessTokenTtl: 45,
      refreshTokenTtl: 43200,
    });
    expect(loadConfig({ ...SECRET, JWT_ACCESS_TTL: '600' }).accessTokenTtl).toBe(600);
  });

  it('limits alerts, reminders, announcements and probes per sender and per tenant', () => {
    expect(loadConfig(SECRET)).toMatchObject({
      writeLimits: {
        alert: { perUser: 5, perTenant: 30, windowSeconds: 600 },
        reminder: { perUser: 20, perTenant: 200, windowSeconds: 600 },
        announcement: { perUser: 3, perTenant: 6, windowSeconds: 600 },
      },
      mentionEmailDelaySeconds: 120,
      probeLimits: { pending: 5, running: 2 },
    });
    const config = loadConfig({ ...SECRET, ALERT_LIMIT_PER_USER: '2', ALERT_LIMIT_WINDOW: '1h' });
    expect(config.writeLimits.alert).toEqual({ perUser: 2, perTenant: 30, windowSeconds: 3600 });
    expect(() => loadConfig({ ...SECRET, ALERT_LIMIT_PER_TENANT: '0' })).toThrow(
      /ALERT_LIMIT_PER_TENANT/,
    );
  });

  it('names every invalid variable', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://x',
        JWT_SECRET: 'short',
        JWT_ACCESS_TTL: 'soon',
      });
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'JWT_ACCESS_TTL',
      'JWT_SECRET',
      'PORT',
    ]);
  });

  it('requires a JWT secret from the environment', () => {
    expect(() => loadConfig({ JWT_SECRET: '' })).toThrow(/JWT_SECRET: required/);
    expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...SECRET, PORT: '', REDIS_URL: '' })).toMatchObject({
      port: 3000,
      redisUrl: 'redis://localhost:6379',
    });
  });

  it('reads platform operators as tenant-slug/email, refusing bare emails', () => {
    expect(
      loadConfig({ ...SECRET, PLATFORM_OPERATORS: ' demo/Alice@demo.test, ops/olga@ops.test ' })
        .platformOperators,
    ).toEqual(['demo/alice@demo.test', 'ops/olga@ops.test']);
    expect(loadConfig(SECRET).platformOperators).toEqual([]);
    expect(() => loadConfig({ ...SECRET, PLATFORM_OPERATORS: 'alice@demo.test' })).toThrow(
      /PLATFORM_OPERATORS.*tenant-slug\/email/,
    );
  });

  it('re-notifies unanswered alerts every 2 minutes, 3 times, unless told otherwise', () => {
    expect(loadConfig(SECRET).alerts).toEqual({ renotifySeconds: 120, maxRenotifications: 3 });
    expect(
      loadConfig({ ...SECRET, ALERT_RENOTIFY_DELAY: '5s', ALERT_MAX_ROUNDS: '0' }).alerts,
    ).toEqual({ renotifySeconds: 5, maxRenotifications: 0 });
    expect(() => loadConfig({ ...SECRET, ALERT_RENOTIFY_DELAY: '0' })).toThrow(
      /ALERT_RENOTIFY_DELAY/,
    );
    expect(() => loadConfig({ ...SECRET, ALERT_MAX_ROUNDS: '-1' })).toThrow(/ALERT_MAX_ROUNDS/);
  });

  it('reads stall detection settings in ms', () => {
    expect(
      loadConfig({ ...SECRET, QUEUE_LOCK_DURATION: '2000', QUEUE_STALLED_INTERVAL: '1000' })
        .queueWorker,
    ).toEqual({ lockDuration: 2000, stalledInterval: 1000, concurrency: 8 });
    expect(() => loadConfig({ ...SECRET, QUEUE_STALLED_INTERVAL: '5' })).toThrow(
      /QUEUE_STALLED_INTERVAL/,
    );
  });

  it('has the socket and login limits the README states, and refuses a cap of zero', () => {
    expect(loadConfig(SECRET)).toMatchObject({
      socketsPerUser: 20,
      userSocketLimit: { events: 200, bytes: 2 * 1024 * 1024, windowSeconds: 10 },
      loginLimits: { perIp: 30, perEmail: 10, perAccount: 100, slowDownSeconds: 10 },
    });
    expect(() => loadConfig({ ...SECRET, SOCKETS_PER_USER: '0' })).toThrow(/SOCKETS_PER_USER/);
  });
});
