import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { UploadsBusyException } from './file-errors';

/** An upload in flight takes seconds at most on a good line: try again shortly. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Uploads streaming into this instance at once: at most `perUser` for one user and `perInstance`
 * in all. Counted in memory, per instance: a slot is held for as long as this process reads the
 * upload, so it must be freed when the process dies, which a Redis count would not be (a user
 * behind a balancer may thus have `perUser` uploads on each instance: still bounded).
 */
export class UploadSlots {
  private total = 0;
  private readonly perUser = new Map<string, number>();

  constructor(private readonly limits: { perUser: number; perInstance: number }) {}

  /** A release function, or null when the user or the instance has no slot free. */
  take(userId: string): (() => void) | null {
    const mine = this.perUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser || this.total >= this.limits.perInstance) return null;
    this.perUser.set(userId, mine + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
    };
  }

  get inFlight(): number {
    return this.total;
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
