import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_ATTACHMENT_TYPES, FILE_LIMITS, MESSAGING_LIMITS } from '@mindsp/contracts';

/** The SPA built beside us in the monorepo (from src/config or dist/config alike). */
const BUILT_WEB = join(__dirname, '../../../web/dist');
/** Where development emails go without SMTP_URL: `.data/emails` at the repository root. */
const DEV_EMAIL_DIR = join(__dirname, '../../../../.data/emails');
/** Where attachments go with the local driver: `.data/files` at the repository root. */
const DEFAULT_FILES_DIR = join(__dirname, '../../../../.data/files');

/** Durations like "15m", "30d", "45s" or a number of seconds. */
const duration = z
  .string()
  .regex(/^\d+\s*[smhd]?$/, 'a duration such as 900, 45s, 15m, 12h or 30d')
  .transform(toSeconds);

function toSeconds(value: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim())!;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

/** Nest's log levels, least severe first. */
const LOG_LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const;

const integer = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['verbose', 'debug', 'log', 'warn', 'error']).default('log'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .default('postgres://postgres@localhost:5432/mindsp'),
  // DATABASE_URL reaches PostgreSQL through a pooler in transaction mode (PgBouncer): no startup
  // options, so its user must be the app role itself (docs/scaling.md).
  DATABASE_TRANSACTION_POOLING: z.stringbool().default(false),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://localhost:6379'),
  JWT_SECRET: z
    .string({ error: 'required (at least 32 characters)' })
    .min(32, 'at least 32 characters'),
  JWT_ACCESS_TTL: duration.default(15 * 60),
  JWT_REFRESH_TTL: duration.default(30 * 86400),
  WEB_ORIGIN: z.string().default('http://localhost:5173'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  WEB_DIST: z.string().optional(),
  LOGIN_LIMIT_PER_IP: integer(30),
  LOGIN_LIMIT_PER_EMAIL: integer(10),
  LOGIN_LIMIT_PER_ACCOUNT: integer(100),
  LOGIN_LIMIT_WINDOW: duration.default(15 * 60),
  LOGIN_SLOW_DOWN: duration.default(10),
  LOGIN_KNOWN_IP_TTL: duration.default(30 * 86400),
  SERVICE_TIMEOUT: duration.default(10),
  DATABASE_CONNECT_TIMEOUT: duration.default(2),
  DATABASE_QUERY_TIMEOUT: duration.default(3),
  MESSAGE_RATE_LIMIT: integer(30),
  MESSAGE_RATE_WINDOW: duration.default(10),
  PRESENCE_TTL: duration.default(60),
  REQUEST_LIMIT: integer(600),
  REQUEST_WINDOW: duration.default(60),
  SOCKET_EVENT_LIMIT: integer(100),
  SOCKET_EVENT_WINDOW: duration.default(10),
  SOCKET_USER_EVENT_LIMIT: integer(200),
  SOCKET_USER_BYTES: integer(2 * 1024 * 1024),
  SOCKETS_PER_USER: integer(20),
  GROUP_MAX_MEMBERS: z.coerce
    .number()
    .int()
    .min(2)
    .max(MESSAGING_LIMITS.groupMaxMembers)
    .default(MESSAGING_LIMITS.groupMaxMembers),
  SOCKET_EXPIRY_SWEEP: duration.default(15),
  QUEUE_LOCK_DURATION: integer(30_000, 1000),
  QUEUE_STALLED_INTERVAL: integer(30_000, 1000),
  QUEUE_CONCURRENCY: integer(8),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  EMAIL_DIR: z.string().default(DEV_EMAIL_DIR),
  EMAIL_FROM: z.string().default('MindSP Messaging <no-reply@mindsp.local>'),
  MESSAGE_EMAIL_DELAY: duration.default(10 * 60),
  MESSAGE_NOTIFY_DELAY: duration.default(10),
  EMAIL_DIGEST_HOURLY: duration.default(3600),
  EMAIL_DIGEST_DAILY_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 08:00')
    .default('08:00'),
  ALERT_RENOTIFY_DELAY: duration.pipe(z.number().min(1, 'at least 1 s')).default(2 * 60),
  ALERT_MAX_ROUNDS: integer(3, 0),
  PLATFORM_OPERATORS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9-]+\/[^/\s]+@[^/\s]+$/, 'tenant-slug/email entries'))),
  FILES_STORAGE: z.enum(['local', 's3']).default('local'),
  FILES_DIR: z.string().default(DEFAULT_FILES_DIR),
  FILES_MAX_BYTES: integer(FILE_LIMITS.maxBytesDefault),
  FILES_ALLOWED_TYPES: z
    .string()
    .default(DEFAULT_ATTACHMENT_TYPES.join(','))
    .transform((list) =>
      list
        .split(',')
        .map((type) => type.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/, 'MIME types, comma-separated'))),
  FILES_UNSENT_TTL: duration.default(3600),
  FILES_UPLOAD_LIMIT: integer(60),
  FILES_UPLOAD_WINDOW: duration.default(60),
  FILES_LINK_TTL: duration.default(300),
  FILES_TENANT_QUOTA: integer(FILE_LIMITS.tenantQuotaBytesDefault),
  FILES_UPLOADS_PER_USER: integer(2),
  FILES_UPLOADS_AT_ONCE: integer(8),
  FILES_IMAGE_MAX_PIXELS: integer(50_000_000),
  FILES_IMAGE_MAX_MB: integer(256),
  FILES_IMAGE_CONCURRENCY: integer(2),
  FILES_IMAGE_TIMEOUT: duration.default(15),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ENDPOINT: z.url().optional(),
  S3_FORCE_PATH_STYLE: z.stringbool().default(false),
  SEARCH_TIMEOUT: duration.pipe(z.number().min(1, 'at least 1 s')).default(2),
  SEARCH_PER_USER: integer(2),
  SEARCH_PER_TENANT: integer(3),
  SEARCH_CONCURRENCY: integer(5),
  ALERT_LIMIT_PER_USER: integer(5),
  ALERT_LIMIT_PER_TENANT: integer(30),
  ALERT_LIMIT_WINDOW: duration.default(10 * 60),
  REMINDER_LIMIT_PER_USER: integer(20),
  REMINDER_LIMIT_PER_TENANT: integer(200),
  REMINDER_LIMIT_WINDOW: duration.default(10 * 60),
  ANNOUNCEMENT_LIMIT_PER_USER: integer(3),
  ANNOUNCEMENT_LIMIT_PER_TENANT: integer(6),
  ANNOUNCEMENT_LIMIT_WINDOW: duration.default(10 * 60),
  MENTION_EMAIL_DELAY: duration.default(2 * 60),
  PROBE_LIMIT_PER_TENANT: integer(5),
  PROBE_CONCURRENCY_PER_TENANT: integer(2),
});

export type AppConfig = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof schema>) {
  return {
    production: env.NODE_ENV === 'production',
    /** Nest's levels from LOG_LEVEL up: `pnpm start` says `warn`, so its banner is not lost in routes. */
    logLevels: LOG_LEVELS.slice(LOG_LEVELS.indexOf(env.LOG_LEVEL)),
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    databaseTransactionPooling: env.DATABASE_TRANSACTION_POOLING,
    redisUrl: env.REDIS_URL,
    jwtSecret: env.JWT_SECRET,
    accessTokenTtl: env.JWT_ACCESS_TTL,
    refreshTokenTtl: env.JWT_REFRESH_TTL,
    webOrigins: env.WEB_ORIGIN.split(',').map((origin) => origin.trim()),
    /**
     * Where people open the product: every link we send (emails, and pushes to come) starts here.
     * By default the URL `pnpm start` prints, not a CORS origin (that is the Vite dev server's).
     */
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    webDist: env.WEB_DIST ?? (existsSync(join(BUILT_WEB, 'index.html')) ? BUILT_WEB : undefined),
    loginLimits: {
      perIp: env.LOGIN_LIMIT_PER_IP,
      /** Per account *and* IP: a stranger only ever blocks their own address. */
      perEmail: env.LOGIN_LIMIT_PER_EMAIL,
      /** Per account from every IP: past it, unknown IPs get one attempt per `slowDownSeconds`. */
      perAccount: env.LOGIN_LIMIT_PER_ACCOUNT,
      windowSeconds: env.LOGIN_LIMIT_WINDOW,
      slowDownSeconds: env.LOGIN_SLOW_DOWN,
      /** How long an IP that signed into an account stays exempt from that account's ceiling. */
      knownIpSeconds: env.LOGIN_KNOWN_IP_TTL,
    },
    serviceTimeoutSeconds: env.SERVICE_TIMEOUT,
    /**
     * How long a request waits for PostgreSQL before answering 503 `unavailable`: for a connection
     * from the pool (or a new one), then for each statement. Together they bound a send that meets
     * a lost database to about 5 s, instead of hanging until TCP gives up.
     */
    databaseTimeouts: {
      connectSeconds: env.DATABASE_CONNECT_TIMEOUT,
      querySeconds: env.DATABASE_QUERY_TIMEOUT,
    },
    messageRateLimit: { points: env.MESSAGE_RATE_LIMIT, windowSeconds: env.MESSAGE_RATE_WINDOW },
    /**
     * A message's notifications for members not connected wait this long (up to twice it: the
     * messages of one such window share a job): someone who reconnects meanwhile (a network cut,
     * an instance restart, a shift change) reads it live and is spared the notification, and a
     * reconnection storm is not also a notification storm.
     */
    messageNotifyDelaySeconds: env.MESSAGE_NOTIFY_DELAY,
    /** A connection not refreshed for this long counts as gone (a crashed instance leaves no ghosts). */
    presenceTtlSeconds: env.PRESENCE_TTL,
    socketExpirySweepSeconds: env.SOCKET_EXPIRY_SWEEP,
    /** REST requests one user (or, signed out, one IP) may make per window, per API instance. */
    requestLimit: { points: env.REQUEST_LIMIT, windowSeconds: env.REQUEST_WINDOW },
    /** Events one socket may emit per window, whatever they are: a flood gets rate_limited acks. */
    socketEventLimit: { points: env.SOCKET_EVENT_LIMIT, windowSeconds: env.SOCKET_EVENT_WINDOW },
    /**
     * Stall detection, in ms: a job whose worker died (SIGKILL, crash) keeps its lock this long, and
     * live workers look for such jobs this often; then it runs again.
     */
    queueWorker: {
      lockDuration: env.QUEUE_LOCK_DURATION,
      stalledInterval: env.QUEUE_STALLED_INTERVAL,
      /**
       * Jobs one worker process runs at once, per queue: they wait on PostgreSQL, Redis and SMTP,
       * not on the CPU, so a backlog (the outbox after an outage) drains several at a time.
       */
      concurrency: env.QUEUE_CONCURRENCY,
    },
    email: {
      /** Unset in development: emails are written as .eml files to `dir` instead. */
      smtpUrl: env.SMTP_URL,
      dir: env.EMAIL_DIR,
      from: env.EMAIL_FROM,
      /** A conversation still unread this long after its first unread message earns one email. */
      messageDelaySeconds: env.MESSAGE_EMAIL_DELAY,
      /** The `hourly` digest's period (shortened by tests); the `daily` one goes at `dailyAt`. */
      hourlyDigestSeconds: env.EMAIL_DIGEST_HOURLY,
      dailyDigestAt: env.EMAIL_DIGEST_DAILY_AT,
    },
    /**
     * Urgent alerts: those who have not answered are notified again after `renotifySeconds`, at most
     * `maxRenotifications` times (0: never).
     */
    alerts: {
      renotifySeconds: env.ALERT_RENOTIFY_DELAY,
      maxRenotifications: env.ALERT_MAX_ROUNDS,
    },
    /** `tenant-slug/email` of the admins who see and act on every tenant's jobs. */
    platformOperators: env.PLATFORM_OPERATORS,
    /** The same window, counted per user over all their sockets on every instance: events, bytes. */
    userSocketLimit: {
      events: env.SOCKET_USER_EVENT_LIMIT,
      bytes: env.SOCKET_USER_BYTES,
      windowSeconds: env.SOCKET_EVENT_WINDOW,
    },
    /** Open sockets one user may hold at once, over all API instances. */
    socketsPerUser: env.SOCKETS_PER_USER,
    /** The most members a group may have (a service-wide group: thousands). */
    groupMaxMembers: env.GROUP_MAX_MEMBERS,
    /**
     * Message attachments: stored on local disk (one instance, or a shared volume) or in an
     * S3-compatible bucket (several instances; credentials from the AWS SDK's usual variables).
     */
    files: {
      storage: env.FILES_STORAGE,
      dir: env.FILES_DIR,
      maxBytes: env.FILES_MAX_BYTES,
      allowedTypes: env.FILES_ALLOWED_TYPES,
      /** An upload not sent in a message within this many seconds is purged. */
      unsentTtlSeconds: env.FILES_UNSENT_TTL,
      /** Uploads one user may make per window, over every instance (besides REQUEST_LIMIT). */
      uploadLimit: { points: env.FILES_UPLOAD_LIMIT, windowSeconds: env.FILES_UPLOAD_WINDOW },
      /** How long a download link works without a token. */
      linkTtlSeconds: env.FILES_LINK_TTL,
      /** Bytes one tenant's attachments may add up to (originals; thumbnails are not counted). */
      tenantQuotaBytes: env.FILES_TENANT_QUOTA,
      /** Uploads streaming at once into this instance: per user, and in all. */
      inFlight: {
        perUser: env.FILES_UPLOADS_PER_USER,
        perInstance: env.FILES_UPLOADS_AT_ONCE,
      },
      /**
       * Images decoded at once on this instance (off the event loop, in libuv's pool), and the
       * bounds checked from the header before any decoding: pixels, and the memory the decoded
       * picture takes (width × height × channels × bytes per sample).
       */
      images: {
        maxPixels: env.FILES_IMAGE_MAX_PIXELS,
        maxDecodeBytes: env.FILES_IMAGE_MAX_MB * 1024 * 1024,
        concurrency: env.FILES_IMAGE_CONCURRENCY,
        timeoutSeconds: env.FILES_IMAGE_TIMEOUT,
      },
      s3: {
        bucket: env.S3_BUCKET ?? '',
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
      },
    },
    /**
     * Bounds of message search, the one read a user can make heavy at will: PostgreSQL ends a
     * search statement after `timeoutSeconds` (kept under DATABASE_QUERY_TIMEOUT, so the server
     * stops it before the client gives up on the connection), and this instance runs at most
     * `concurrency` searches at once (each holds a pooled connection), `perTenant` of one tenant
     * and `perUser` of one user; more are refused with 429.
     */
    search: {
      timeoutSeconds: Math.min(env.SEARCH_TIMEOUT, Math.max(1, env.DATABASE_QUERY_TIMEOUT - 1)),
      perUser: env.SEARCH_PER_USER,
      perTenant: env.SEARCH_PER_TENANT,
      concurrency: env.SEARCH_CONCURRENCY,
    },
    /**
     * Writes that notify others, per sender and per tenant per window: urgent means rare, and a
     * burst of alerts, reminders or announcements is a burst of emails in every member's inbox.
     */
    writeLimits: {
      alert: {
        perUser: env.ALERT_LIMIT_PER_USER,
        perTenant: env.ALERT_LIMIT_PER_TENANT,
        windowSeconds: env.ALERT_LIMIT_WINDOW,
      },
      reminder: {
        perUser: env.REMINDER_LIMIT_PER_USER,
        perTenant: env.REMINDER_LIMIT_PER_TENANT,
        windowSeconds: env.REMINDER_LIMIT_WINDOW,
      },
      announcement: {
        perUser: env.ANNOUNCEMENT_LIMIT_PER_USER,
        perTenant: env.ANNOUNCEMENT_LIMIT_PER_TENANT,
        windowSeconds: env.ANNOUNCEMENT_LIMIT_WINDOW,
      },
    },
    /**
     * A person mentioned and still not read past it this long after: one email for the
     * conversation, listing every mention of that unread streak.
     */
    mentionEmailDelaySeconds: env.MENTION_EMAIL_DELAY,
    /**
     * Diagnostic (probe) jobs of one tenant: at most `pending` in the queue at once (more are
     * refused), at most `running` run at once over all workers (more wait their turn).
     */
    probeLimits: {
      pending: env.PROBE_LIMIT_PER_TENANT,
      running: env.PROBE_CONCURRENCY_PER_TENANT,
    },
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads the environment once; an invalid value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings mean "not set", as they do in a compose file with `FOO=`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  // Checked here rather than by a refinement: the schema stays one flat list of variables.
  if (parsed.data.FILES_STORAGE === 's3' && !parsed.data.S3_BUCKET) {
    throw new ConfigError(['S3_BUCKET: required when FILES_STORAGE=s3']);
  }
  return toConfig(parsed.data);
}

export const APP_CONFIG = Symbol('APP_CONFIG');
