import type { Page, UserSummary } from '@mindsp/contracts';
import { api, queryString } from '../../lib/api';

const USER_PAGE_SIZE = 100;

export const usersApi = {
  /** The first hundred people of my organisation matching `q`, with who is online. */
  list: (q: string, signal?: AbortSignal) =>
    api.get<Page<UserSummary>>(`/api/users${queryString({ q, limit: USER_PAGE_SIZE })}`, {
      signal,
    }),
};
