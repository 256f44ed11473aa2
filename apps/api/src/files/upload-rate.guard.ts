import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type Redis from 'ioredis';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import type { AuthenticatedUser } from '../common/authenticated-user';
import {
  refusalsOf,
  secondsBeforeNext,
  TooManyRequestsException,
} from '../common/too-many-requests';
import { sharedLimiter } from '../auth/write-limits';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';

/**
 * FILES_UPLOAD_LIMIT uploads per user per FILES_UPLOAD_WINDOW, across instances. A guard, not a
 * check in the service: guards run before the upload interceptor, so a refused upload is not read
 * (up to 25 MB into memory) first. While Redis is away the count is this instance's, as for sends.
 */
@Injectable()
export class UploadRateGuard implements CanActivate {
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = sharedLimiter(redis, 'upload', config.files.uploadLimit);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { user } = context.switchToHttp().getRequest<{ user: AuthenticatedUser }>();
    const refusals = refusalsOf(await Promise.allSettled([this.limiter.consume(user.id)]));
    if (!refusals.length) return true;
    const wait = secondsBeforeNext(refusals);
    // Set here: a guard's exception passes no interceptor (where other 429s get their header).
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(wait));
    throw new TooManyRequestsException(`You are uploading too fast; wait ${wait} s`, wait);
  }
}
