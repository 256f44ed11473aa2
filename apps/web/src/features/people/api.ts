import type { Page, PresenceView, UserSummary } from '@mindsp/contracts';
import { client, dataOf } from '../../lib/api';
import { socketRequest } from '../../lib/socket';

const USER_PAGE_SIZE = 100;
const ONLINE_PAGE_SIZE = 50;

export const usersApi = {
  /** The first hundred people of my organisation matching `q`, with who is online. */
  list: (q: string, signal?: AbortSignal): Promise<Page<UserSummary>> =>
    dataOf(
      client.GET('/api/users', {
        params: { query: { q: q || undefined, limit: USER_PAGE_SIZE } },
        signal,
      }),
    ),
  /** The first people online now, by name (a query: nobody's arrival is broadcast). */
  online: (signal?: AbortSignal): Promise<Page<UserSummary>> =>
    dataOf(
      client.GET('/api/users/online', { params: { query: { limit: ONLINE_PAGE_SIZE } }, signal }),
    ),
  /** Follows these people's presence on this connection (replacing the last call). */
  follow: (userIds: string[]): Promise<PresenceView[]> =>
    socketRequest('presence:subscribe', { userIds }),
};
