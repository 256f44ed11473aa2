import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { TooManyRequestsException } from '../common/too-many-requests';

/**
 * Global, after authentication: each signed-in user has their own request budget (a fire station
 * behind one NAT address must not share one); anonymous callers are counted per IP.
 */
@Injectable()
export class RequestThrottleGuard extends ThrottlerGuard {
  protected override async getTracker(req: {
    user?: AuthenticatedUser;
    ip?: string;
  }): Promise<string> {
    return req.user ? `user:${req.user.id}` : `ip:${req.ip}`;
  }

  /** The guard has already set `Retry-After`; the body says the same for the SPA. */
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const wait = Math.max(1, detail.timeToBlockExpire);
    throw new TooManyRequestsException(`Too many requests; try again in ${wait} s`, wait);
  }
}
