import type { SearchPage } from '@mindsp/contracts';
import { client, dataOf } from '../../lib/api';

export const SEARCH_PAGE_SIZE = 20;

/** What to find across my conversations: words, and optional filters. */
export interface MessageSearchFilters {
  q: string;
  senderId?: string;
  conversationId?: string;
  /** Local days, YYYY-MM-DD, both included. */
  fromDay?: string;
  toDay?: string;
  /** Only messages with files. */
  hasFile?: boolean;
}

/** A local day's start as an instant: the day the user picked, in their own time zone. */
export function dayStart(day: string, plusDays = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date! + plusDays).toISOString();
}

export const searchApi = {
  messages: (
    filters: MessageSearchFilters,
    cursor: string | undefined,
    signal?: AbortSignal,
  ): Promise<SearchPage> =>
    dataOf(
      client.GET('/api/search/messages', {
        params: {
          query: {
            q: filters.q,
            senderId: filters.senderId,
            conversationId: filters.conversationId,
            since: filters.fromDay ? dayStart(filters.fromDay) : undefined,
            // The last day is included: up to the start of the day after it.
            until: filters.toDay ? dayStart(filters.toDay, 1) : undefined,
            hasFile: filters.hasFile || undefined,
            limit: SEARCH_PAGE_SIZE,
            cursor,
          },
        },
        signal,
      }),
    ),
};
