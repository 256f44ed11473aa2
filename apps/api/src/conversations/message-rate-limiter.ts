import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { refusalsOf, secondsBeforeNext, TooManyRequestsException } from '../auth/too-many-requests';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';

/** Each user may send MESSAGE_RATE_LIMIT messages per MESSAGE_RATE_WINDOW, across tabs and instances. */
@Injectable()
export class MessageRateLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const { points, windowSeconds } = config.messageRateLimit;
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'send',
      points,
      duration: windowSeconds,
    });
  }

  async consume(userId: string): Promise<void> {
    const refusals = refusalsOf(await Promise.allSettled([this.limiter.consume(userId)]));
    if (!refusals.length) return;
    const wait = secondsBeforeNext(refusals);
    throw new TooManyRequestsException(`You are sending too fast; wait ${wait} s`, wait);
  }
}
