import type { TFunction } from 'i18next';
import { ApiRequestError } from './api';
import { SocketAckError } from './socket';

/**
 * How long the server asked us to wait after refusing too many requests (a REST 429 or a
 * socket `rate_limited` ack), in seconds; undefined for any other error, or when it did not say.
 */
export function retryAfterOf(error: unknown): number | undefined {
  if (error instanceof ApiRequestError && error.status === 429) return error.retryAfterSeconds;
  if (error instanceof SocketAckError && error.code === 'rate_limited')
    return error.retryAfterSeconds;
  return undefined;
}

export function isRateLimited(error: unknown): boolean {
  return (
    (error instanceof ApiRequestError && error.status === 429) ||
    (error instanceof SocketAckError && error.code === 'rate_limited')
  );
}

export type WaitUnit = 'seconds' | 'minutes' | 'hours';

/**
 * A wait in the largest unit that keeps it short, rounded up so we never promise the user
 * less than the server asked: 8 s, 15 min, 2 h.
 */
export function waitDuration(seconds: number): { unit: WaitUnit; count: number } {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return { unit: 'seconds', count: whole };
  if (whole < 3_600) return { unit: 'minutes', count: Math.ceil(whole / 60) };
  return { unit: 'hours', count: Math.ceil(whole / 3_600) };
}

/** "15 min", "8 s": the wait as the current language writes it. */
export function formatWait(seconds: number, t: TFunction): string {
  const { unit, count } = waitDuration(seconds);
  return t(`wait.${unit}`, { count });
}
