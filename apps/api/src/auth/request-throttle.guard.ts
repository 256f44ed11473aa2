import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedUser } from './authenticated-user';

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
}
