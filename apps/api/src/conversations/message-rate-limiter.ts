import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
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
    try {
      await this.limiter.consume(userId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.ceil(error.msBeforeNext / 1000);
      throw new HttpException(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: `You are sending too fast; wait ${seconds} s`,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
