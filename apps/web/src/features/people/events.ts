import type { Page, PresenceView, UserSummary } from '@mindsp/contracts';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useCurrentUser } from '../auth/queries';
import { type EventWriters, getSocket, onSocketEvent } from '../../lib/socket';
import { usersApi } from './api';
import {
  applyPresenceBatch,
  presenceTargets,
  sameTargets,
  type PresenceSources,
  type PresenceState,
} from './cache/presence';
import { applyPresence } from './cache/users';
import { presenceKeys, userKeys } from './keys';

/** Changes on screen settle before the server is told whom to follow. */
const FOLLOW_DEBOUNCE_MS = 300;

function applyBatch(queryClient: QueryClient, batch: PresenceView[]) {
  queryClient.setQueryData<PresenceState>(presenceKeys.all, (old) =>
    applyPresenceBatch(old, batch),
  );
  // Someone followed came online who is not in the online list: arrivals are told to followers
  // only, never broadcast, so the list is asked again (a follower's batch, at most once a second).
  const listed = queryClient.getQueryData<Page<UserSummary>>(userKeys.online());
  if (listed && batch.some((p) => p.online && !listed.items.some((u) => u.id === p.userId)))
    void queryClient.invalidateQueries({ queryKey: userKeys.online(), exact: true });
  for (const [key, data] of queryClient.getQueriesData<Page<UserSummary>>({
    queryKey: userKeys.all,
  })) {
    if (!data) continue;
    let next = data;
    for (const change of batch) next = applyPresence(next, change)!;
    if (next !== data) queryClient.setQueryData(key, next);
  }
}

/** Who the conversations on screen show; the app passes conversations' selector in. */
export type ConversationPeopleOnScreen = (queryClient: QueryClient) => PresenceSources;

/** The people this tab shows now: the people listed, and those the conversations on screen show. */
function shownPeople(
  queryClient: QueryClient,
  myId: string,
  conversationPeople: ConversationPeopleOnScreen,
): string[] {
  const listedUsers = queryClient
    .getQueryCache()
    .findAll({ queryKey: userKeys.all })
    .filter((query) => query.getObserversCount() > 0)
    .flatMap(
      (query) => (query.state.data as Page<UserSummary> | undefined)?.items.map((u) => u.id) ?? [],
    );
  const { open, listed, others } = conversationPeople(queryClient);
  return presenceTargets(myId, { open, listed, others: [...listedUsers, ...others] });
}

/** What people does with the socket's events: presence batches, and a reload after reconnecting. */
export function usePeopleEventWriters(): EventWriters {
  const queryClient = useQueryClient();
  return {
    presence: (batch) => applyBatch(queryClient, batch),
    // Presence and the online list missed while disconnected: ask again.
    connect: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  };
}

/**
 * Follows the presence of the people on screen: mount once for the signed-in user (again after
 * every reconnection: a new connection follows nobody).
 */
export function usePresenceFollowing(conversationPeople: ConversationPeopleOnScreen) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();

  useEffect(() => {
    let followed: string[] | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sync = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const targets = shownPeople(queryClient, me.id, conversationPeople);
        if (!getSocket()?.connected || (followed && sameTargets(followed, targets))) return;
        followed = targets;
        usersApi.follow(targets).then(
          (states) => applyBatch(queryClient, states),
          // Not connected or refused: the next change on screen, or the next connect, tries again.
          () => (followed = null),
        );
      }, FOLLOW_DEBOUNCE_MS);
    };
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      // Only what changes who is on screen: data arriving, a screen showing or leaving a list.
      if (
        event.type === 'updated' ||
        event.type === 'observerAdded' ||
        event.type === 'observerRemoved'
      )
        if (event.query.queryKey[0] !== presenceKeys.all[0]) sync();
    });
    const stopReconnect = onSocketEvent('connect', () => {
      followed = null;
      sync();
    });
    sync();
    return () => {
      clearTimeout(timer);
      unsubscribe();
      stopReconnect();
    };
  }, [queryClient, me.id, conversationPeople]);
}
