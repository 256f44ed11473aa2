import type {
  ConversationView,
  MemberView,
  Page,
  PresenceView,
  UserSummary,
} from '@mindsp/contracts';
import { type InfiniteData, type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useCurrentUser } from '../auth/queries';
import { conversationKeys } from '../conversations/keys';
import { getSocket, onSocketEvent, useSocketEvent } from '../../lib/socket';
import { usersApi } from './api';
import {
  applyPresenceBatch,
  presenceTargets,
  sameTargets,
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

/** The people this tab shows now: members of the conversations on screen, the people listed. */
function shownPeople(queryClient: QueryClient, myId: string): string[] {
  const cache = queryClient.getQueryCache();
  const onScreen = (queryKey: readonly unknown[]) =>
    cache.findAll({ queryKey }).filter((query) => query.getObserversCount() > 0);
  const open = onScreen(conversationKeys.all)
    .map((query) => query.state.data as ConversationView | undefined)
    .find((data) => data && 'members' in data);
  const listed = onScreen(conversationKeys.lists()).flatMap(
    (query) =>
      (query.state.data as InfiniteData<Page<ConversationView>> | undefined)?.pages.flatMap(
        (page) => page.items,
      ) ?? [],
  );
  const others = [
    ...onScreen(userKeys.all).flatMap(
      (query) => (query.state.data as Page<UserSummary> | undefined)?.items.map((u) => u.id) ?? [],
    ),
    // A large group's members paged in its details panel.
    ...onScreen([...conversationKeys.all, 'members']).flatMap(
      (query) =>
        (query.state.data as InfiniteData<Page<MemberView>> | undefined)?.pages.flatMap((page) =>
          page.items.map((m) => m.id),
        ) ?? [],
    ),
  ];
  return presenceTargets(myId, { open, listed, others });
}

/**
 * Keeps who is online current from the socket: mount once for the signed-in user. Follows the
 * presence of the people on screen (again after every reconnection: a new connection follows
 * nobody), and applies the server's batches to the cache.
 */
export function usePeopleEvents() {
  const queryClient = useQueryClient();
  const me = useCurrentUser();

  useSocketEvent('presence', (batch) => applyBatch(queryClient, batch));

  useEffect(() => {
    let followed: string[] | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sync = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const targets = shownPeople(queryClient, me.id);
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
  }, [queryClient, me.id]);

  // Presence and the online list missed while disconnected: ask again.
  useSocketEvent('connect', () => void queryClient.invalidateQueries({ queryKey: userKeys.all }));
}
