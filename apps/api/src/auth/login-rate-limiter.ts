import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';

/**
 * Failed logins are counted per IP and per account (tenant + email), in Redis so every API
 * instance shares the count. Past either limit, login answers 429 until the window passes,
 * even with the right password: that is what stops a guessing attack.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const { perIp, perEmail, windowSeconds } = config.loginLimits;
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'login-fail-ip',
      points: perIp,
      duration: windowSeconds,
    });
    this.perAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: 'login-fail-account',
      points: perEmail,
      duration: windowSeconds,
    });
  }

  async assertAllowed(ip: string, account: string): Promise<void> {
    const [byIp, byAccount] = await Promise.all([this.perIp.get(ip), this.perAccount.get(account)]);
    const blocked = [byIp, byAccount].find((res) => res !== null && res.remainingPoints <= 0);
    if (blocked) throw tooManyAttempts(blocked);
  }

  async recordFailure(ip: string, account: string): Promise<void> {
    await Promise.all([this.perIp.penalty(ip, 1), this.perAccount.penalty(account, 1)]);
  }

  async recordSuccess(account: string): Promise<void> {
    await this.perAccount.delete(account);
  }
}

function tooManyAttempts(res: RateLimiterRes) {
  const retryAfterSeconds = Math.ceil(res.msBeforeNext / 1000);
  return new HttpException(
    {
      statusCode: HttpStatus.TOO_MANY_REQUESTS,
      error: 'Too Many Requests',
      message: `Too many failed sign-in attempts; try again in ${retryAfterSeconds} s`,
      retryAfterSeconds,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
