import type { Role } from './auth';

export interface UserSummary {
  /** Whether the user has at least one open connection (any tab, any API instance). */
  online: boolean;
  /** When their last connection closed; null when online or never seen. */
  lastSeenAt: string | null;
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** What the person tells others of themselves; null when unset. */
  statusText: string | null;
  /** False once an admin deactivated them (they cannot sign in; their messages stay). */
  active: boolean;
}

export const PROFILE_LIMITS = {
  displayNameMaxLength: 100,
  statusTextMaxLength: 140,
} as const;

/** `PATCH /api/users/me`: my name as others see it, and my status text ('' clears it). */
export interface UpdateProfileRequest {
  displayName?: string;
  statusText?: string;
}

export interface UserListQuery {
  /** Matches display name or email, ignoring case and accents. */
  q?: string;
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}
