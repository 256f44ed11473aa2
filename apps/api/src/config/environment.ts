import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_ATTACHMENT_TYPES, FILE_LIMITS, MESSAGING_LIMITS } from '@mindsp/contracts';

/** The SPA built beside us in the monorepo (from src/config or dist/config alike). */
export const BUILT_WEB = join(__dirname, '../../../web/dist');
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
export const LOG_LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const;

const integer = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

/** Every variable the processes read, with its default and bounds (validated once, at boot). */
export const environmentSchema = z.object({
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

export type Environment = z.infer<typeof environmentSchema>;
