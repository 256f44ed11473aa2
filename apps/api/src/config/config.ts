import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_WEB, type Environment, environmentSchema, LOG_LEVELS } from './environment';

export type AppConfig = ReturnType<typeof toConfig>;

function toConfig(env: Environment) {
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
  const parsed = environmentSchema.safeParse(present);
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
