import type { MessageSearchFilters } from './api';

/** The query keys of the search across conversations; the filters are a named part. */
export const messageSearchKeys = {
  all: ['message-search'] as const,
  results: (filters: MessageSearchFilters) => [...messageSearchKeys.all, { filters }] as const,
};
