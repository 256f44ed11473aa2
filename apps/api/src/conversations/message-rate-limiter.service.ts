import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import {
  refusalsOf,
  secondsBeforeNext,
  TooManyRequestsException,
} from '../common/too-many-requests';
import { sharedLimiter } from '../auth/write-limits';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';

/**
 * Each user may send MESSAGE_RATE_LIMIT messages per MESSAGE_RATE_WINDOW, across tabs and instances.
 *
 * While Redis is unreachable the limit is counted in this instance's memory instead (the library's
 * insurance limiter), without waiting for a reconnection first: a send is stored in PostgreSQL and
 * must not fail, nor stall, because the counter's store is restarting. A user's budget is then
 * per instance for that while, which a warning in the log says once per outage.
 */
@Injectable()
export class MessageRateLimiterService {
  private readonly logger = new Logger(MessageRateLimiterService.name);
  private readonly limiter: RateLimiterRedis;
  private degraded = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limiter = sharedLimiter(redis, 'send', config.messageRateLimit);
  }

  async consume(userId: string): Promise<void> {
    this.noteRedisState();
    const refusals = refusalsOf(await Promise.allSettled([this.limiter.consume(userId)]));
    if (!refusals.length) return;
    const wait = secondsBeforeNext(refusals);
    throw new TooManyRequestsException(`You are sending too fast; wait ${wait} s`, wait);
  }

  /** Gives back the point a send took when it turned out to be a retry of a stored message. */
  async refund(userId: string): Promise<void> {
    await this.limiter.reward(userId).catch(() => undefined);
  }

  private noteRedisState() {
    const ready = this.redis.status === 'ready';
    if (ready === !this.degraded) return;
    this.degraded = !ready;
    if (this.degraded) {
      this.logger.warn(
        'Redis is unreachable: the send limit is counted in this instance’s memory until it is back',
      );
    } else {
      this.logger.log('Redis is back: the send limit is shared by every instance again');
    }
  }
}
