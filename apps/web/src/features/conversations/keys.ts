import type { QueryKey } from '@tanstack/react-query';

/**
 * The query keys of conversations and messages. Each key ends with a named part (`{ q }`,
 * `{ conversationId }`), and code that needs to know which filter or conversation a cached
 * query holds asks the helpers below, never a position in the key.
 */
export const conversationKeys = {
  all: ['conversations'] as const,
  lists: () => [...conversationKeys.all, 'list'] as const,
  /** One list, filtered by `q` ('' for the whole list); `archived`: the archived ones instead. */
  list: (q: string, archived = false) =>
    [...conversationKeys.lists(), archived ? { q, archived } : { q }] as const,
  detail: (conversationId: string) =>
    [...conversationKeys.all, 'detail', { conversationId }] as const,
  /** A group's members, paged by name; `memberCount` in the key: a join or leave reloads them. */
  members: (conversationId: string, memberCount: number) =>
    [...conversationKeys.all, 'members', { conversationId, memberCount }] as const,
};

export const messageKeys = {
  all: ['messages'] as const,
  /** The conversation's history (an infinite query paging back with `before`). */
  history: (conversationId: string) => [...messageKeys.all, 'history', { conversationId }] as const,
};

/** A conversation's pinned messages (kept apart from `messages`: a reconnect refetches it). */
export const pinKeys = {
  all: ['pins'] as const,
  list: (conversationId: string) => [...pinKeys.all, { conversationId }] as const,
};

/** Messages typed here and not yet stored; a root of their own so no `messages` filter touches them. */
export const pendingKeys = {
  list: (conversationId: string) => ['pending-messages', { conversationId }] as const,
};

/** Live messages that arrived ahead of one still missing (out of seq order), held until it comes. */
export const heldKeys = {
  list: (conversationId: string) => ['held-messages', { conversationId }] as const,
};

type ListKey = ReturnType<typeof conversationKeys.list>;
type HistoryKey = ReturnType<typeof messageKeys.history>;

/** The filter of a cached conversation list ('' for the unfiltered list; the archived list is filtered). */
export function listFilter(key: QueryKey): string {
  const [, , params] = key as ListKey;
  return 'archived' in params ? `archived:${params.q}` : params.q;
}

/** The conversation whose history a cached `messageKeys.history` query holds. */
export function historyConversationId(key: QueryKey): string {
  const [, , params] = key as HistoryKey;
  return params.conversationId;
}
