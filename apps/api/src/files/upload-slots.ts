import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { InstanceSlots } from '../common/instance-slots';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { UploadsBusyException } from './file-errors';

/** An upload in flight takes seconds at most on a good line: try again shortly. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Uploads streaming into this instance at once: at most `perUser` for one user and `perInstance`
 * in all (InstanceSlots: a user behind a balancer may have `perUser` uploads on each instance,
 * still bounded).
 */
export class UploadSlots {
  private readonly slots: InstanceSlots;

  constructor(private readonly limits: { perUser: number; perInstance: number }) {
    this.slots = new InstanceSlots(limits.perInstance);
  }

  /** A release function, or null when the user or the instance has no slot free. */
  take(userId: string): (() => void) | null {
    return this.slots.take([[userId, this.limits.perUser]]);
  }

  get inFlight(): number {
    return this.slots.inUse;
  }
}

/**
 * Takes an upload slot before a byte of the upload is read, and frees it when the response is
 * done (sent, failed or the client gone). A guard, so a refused upload is not read at all.
 */
@Injectable()
export class UploadSlotsGuard implements CanActivate {
  readonly slots: UploadSlots;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.slots = new UploadSlots(config.files.inFlight);
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const { user } = http.getRequest<{ user: AuthenticatedUser }>();
    const res = http.getResponse<Response>();
    const release = this.slots.take(user.id);
    if (!release) {
      // Set here: a guard's exception passes no interceptor (where other 429s get their header).
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      throw new UploadsBusyException(
        `Too many uploads at once; wait ${RETRY_AFTER_SECONDS} s`,
        RETRY_AFTER_SECONDS,
      );
    }
    res.once('close', release);
    return true;
  }
}
