import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';
import {
  refusalsOf,
  secondsBeforeNext,
  TooManyRequestsException,
} from '../common/too-many-requests';

/** What the caller must hand back once the password was checked. */
export interface LoginAttempt {
  ip: string;
  account: string;
}

/**
 * Sign-in attempts, counted in Redis so every API instance shares the counts. Each attempt takes
 * its points atomically *before* the password is checked (concurrent guesses cannot all slip
 * through a read-then-write), and a success gives them back, so only failures add up:
 * - per IP (`LOGIN_LIMIT_PER_IP`): one address guessing many accounts;
 * - per account and IP (`LOGIN_LIMIT_PER_EMAIL`): one address guessing one account. A stranger
 *   who exhausts it blocks their own address only, never the owner;
 * - per account from every IP (`LOGIN_LIMIT_PER_ACCOUNT`, higher): a guess spread over many
 *   addresses. Past it the account is slowed, not locked: an IP that signed into it before
 *   goes through, any other gets one attempt per `LOGIN_SLOW_DOWN` for the whole account.
 */
@Injectable()
export class LoginRateLimiterService {
  private readonly perIp: RateLimiterRedis;
  private readonly perAccountAndIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;
  private readonly slowLane: RateLimiterRedis;
  private readonly knownIpSeconds: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const { perIp, perEmail, perAccount, windowSeconds, slowDownSeconds, knownIpSeconds } =
      config.loginLimits;
    const limiter = (keyPrefix: string, points: number, duration = windowSeconds) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration });
    this.perIp = limiter('login-fail-ip', perIp);
    this.perAccountAndIp = limiter('login-fail-account-ip', perEmail);
    this.perAccount = limiter('login-fail-account', perAccount);
    this.slowLane = limiter('login-fail-slow', 1, slowDownSeconds);
    this.knownIpSeconds = knownIpSeconds;
  }

  /** Takes this attempt's points, or throws 429 with the wait (and takes nothing). */
  async begin(ip: string, account: string): Promise<LoginAttempt> {
    const local = await this.take([
      [this.perIp, ip],
      [this.perAccountAndIp, `${account}|${ip}`],
    ]);
    if (local.refusals.length) {
      await local.giveBack();
      const wait = secondsBeforeNext(local.refusals);
      throw new TooManyRequestsException(
        `Too many failed sign-in attempts; try again in ${describeWait(wait)}`,
        wait,
      );
    }
    const ceiling = await this.take([[this.perAccount, account]]);
    if (ceiling.refusals.length && !(await this.isKnownIp(ip, account))) {
      const slowed = await this.take([[this.slowLane, account]]);
      if (slowed.refusals.length) {
        await Promise.all([local.giveBack(), ceiling.giveBack()]);
        const wait = secondsBeforeNext(slowed.refusals);
        throw new TooManyRequestsException(
          `This account is receiving many failed sign-ins; try again in ${describeWait(wait)}`,
          wait,
        );
      }
    }
    return { ip, account };
  }

  /** The password was right: the attempt was no guess, give its points back. */
  async succeeded({ ip, account }: LoginAttempt): Promise<void> {
    await Promise.all([
      this.perIp.reward(ip, 1),
      this.perAccountAndIp.delete(`${account}|${ip}`),
      this.perAccount.reward(account, 1),
      this.redis.set(knownIpKey(ip, account), '1', 'EX', this.knownIpSeconds),
    ]);
  }

  /**
   * Consumes one point of each key at once. A refused attempt never reaches the password check,
   * so `giveBack` returns what the others took: only checked, failed passwords add up.
   */
  private async take(keys: [RateLimiterRedis, string][]) {
    const results = await Promise.allSettled(keys.map(([limiter, key]) => limiter.consume(key)));
    return {
      refusals: refusalsOf(results),
      giveBack: () =>
        Promise.all(
          keys.map(([limiter, key], i) =>
            results[i]!.status === 'fulfilled' ? limiter.reward(key, 1) : undefined,
          ),
        ),
    };
  }

  private async isKnownIp(ip: string, account: string): Promise<boolean> {
    return (await this.redis.exists(knownIpKey(ip, account))) === 1;
  }
}

const knownIpKey = (ip: string, account: string) => `login-known-ip:${account}|${ip}`;

function describeWait(seconds: number): string {
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
