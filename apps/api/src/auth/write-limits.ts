import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';
import type { AuthenticatedUser } from '../common/authenticated-user';
import {
  refusalsOf,
  secondsBeforeNext,
  TooManyRequestsException,
} from '../common/too-many-requests';

/**
 * The one kind of counter every write a user can repeat is limited by: `points` per window, in
 * Redis so every instance shares it. While Redis is unreachable it counts in this instance's memory
 * (the library's insurance limiter) instead of refusing, or stalling, a write PostgreSQL can take.
 */
export function sharedLimiter(
  redis: Redis,
  keyPrefix: string,
  { points, windowSeconds }: { points: number; windowSeconds: number },
): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points,
    duration: windowSeconds,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ points, duration: windowSeconds }),
  });
}

/** Writes limited per sender and per tenant (config `writeLimits`). */
export type LimitedWrite = 'alert' | 'reminder' | 'announcement';

const WHAT: Record<LimitedWrite, string> = {
  alert: 'urgent alerts',
  reminder: 'reminders',
  announcement: 'announcements',
};

/**
 * Urgent alerts, reminders and announcements each notify (and email) other people, so a burst of
 * them is a flood in everyone's inbox: each sender has a budget per window, and so has the whole
 * tenant (many senders at once). A write takes a point of both before it touches the database; a
 * refused one creates nothing, and one that fails for another reason (a 400, a 404) gives its
 * points back. Fixed windows (the library's): a sender may send their budget at once (a small
 * burst), then waits for the window's end, which the 429 says.
 */
@Injectable()
export class WriteLimits {
  private readonly limiters: Record<
    LimitedWrite,
    { perUser: RateLimiterRedis; perTenant: RateLimiterRedis; describe: string }
  >;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const build = (kind: LimitedWrite) => {
      const { perUser, perTenant, windowSeconds } = config.writeLimits[kind];
      return {
        perUser: sharedLimiter(redis, `${kind}-user`, { points: perUser, windowSeconds }),
        perTenant: sharedLimiter(redis, `${kind}-tenant`, { points: perTenant, windowSeconds }),
        describe: `at most ${perUser} per person and ${perTenant} per organisation every ${describeWindow(windowSeconds)}`,
      };
    };
    this.limiters = {
      alert: build('alert'),
      reminder: build('reminder'),
      announcement: build('announcement'),
    };
  }

  /** Runs `write` if the caller and their tenant have a point left for `kind`; else 429. */
  async within<T>(
    kind: LimitedWrite,
    caller: AuthenticatedUser,
    write: () => Promise<T>,
  ): Promise<T> {
    const { perUser, perTenant, describe } = this.limiters[kind];
    // The sender first, then the tenant: a sender past their own limit spends none of the tenant's.
    const refusal =
      (await take(perUser, caller.id)) ??
      (await take(perTenant, caller.tenantId).then(async (refused) => {
        if (refused) await giveBack(perUser, caller.id);
        return refused;
      }));
    if (refusal) {
      const wait = secondsBeforeNext([refusal]);
      throw new TooManyRequestsException(
        `Too many ${WHAT[kind]} (${describe}); wait ${wait} s`,
        wait,
      );
    }
    try {
      return await write();
    } catch (error) {
      await Promise.all([giveBack(perUser, caller.id), giveBack(perTenant, caller.tenantId)]);
      throw error;
    }
  }
}

/**
 * One point of `key`, or the refusal. A refused consume still counted in Redis: it is given back,
 * so the count is always what was accepted (a flood of refusals does not spend the budget of the
 * tenant's other senders), and concurrent writes can never take more than the limit.
 */
async function take(limiter: RateLimiterRedis, key: string): Promise<RateLimiterRes | null> {
  const [result] = await Promise.allSettled([limiter.consume(key)]);
  const [refusal] = refusalsOf([result!]);
  if (refusal) await giveBack(limiter, key);
  return refusal ?? null;
}

async function giveBack(limiter: RateLimiterRedis, key: string): Promise<void> {
  await limiter.reward(key, 1).catch(() => undefined);
}

function describeWindow(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
