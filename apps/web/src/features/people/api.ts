import type { Page, PresenceView, UserSummary } from '@mindsp/contracts';
import { api, queryString } from '../../lib/api';
import { socketRequest } from '../../lib/socket';

const USER_PAGE_SIZE = 100;
const ONLINE_PAGE_SIZE = 50;

export const usersApi = {
  /** The first hundred people of my organisation matching `q`, with who is online. */
  list: (q: string, signal?: AbortSignal) =>
    api.get<Page<UserSummary>>(`/api/users${queryString({ q, limit: USER_PAGE_SIZE })}`, {
      signal,
    }),
  /** The first people online now, by name (a query: nobody's arrival is broadcast). */
  online: (signal?: AbortSignal) =>
    api.get<Page<UserSummary>>(`/api/users/online${queryString({ limit: ONLINE_PAGE_SIZE })}`, {
      signal,
    }),
  /** Follows these people's presence on this connection (replacing the last call). */
  follow: (userIds: string[]): Promise<PresenceView[]> =>
    socketRequest('presence:subscribe', { userIds }),
};
