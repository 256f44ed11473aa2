import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';

/** Redis's `maxmemory-policy`, or null when it cannot be read (Redis down, CONFIG forbidden). */
export async function readEvictionPolicy(redis: Redis): Promise<string | null> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    return reply[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * Queue jobs are Redis keys: any policy but `noeviction` lets Redis drop them under memory
 * pressure, silently losing notifications and reminders.
 */
export function evictionPolicyWarning(policy: string | null): string | null {
  if (policy === null || policy === 'noeviction') return null;
  return (
    `Redis maxmemory-policy is "${policy}": under memory pressure Redis may evict queue jobs. ` +
    'Set it to "noeviction" (redis.conf or CONFIG SET maxmemory-policy noeviction).'
  );
}

/** At boot, API and worker alike say so in their log when the policy can lose jobs. */
@Injectable()
export class RedisEvictionCheckService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Redis');

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationBootstrap() {
    const warning = evictionPolicyWarning(await readEvictionPolicy(this.redis));
    if (warning) this.logger.warn(warning);
  }
}
