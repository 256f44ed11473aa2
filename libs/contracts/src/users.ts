import type { Role } from './auth';

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  role: Role;
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
