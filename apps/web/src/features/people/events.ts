import type { Page, UserSummary } from '@mindsp/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../lib/socket';
import { applyPresence } from './cache';
import { userKeys } from './keys';

/** Keeps who is online current from the socket: mount once for the signed-in user. */
export function usePeopleEvents() {
  const queryClient = useQueryClient();

  useSocketEvent('presence', (presence) => {
    let known = false;
    for (const [key, data] of queryClient.getQueriesData<Page<UserSummary>>({
      queryKey: userKeys.all,
    })) {
      if (!data) continue;
      known ||= data.items.some((user) => user.id === presence.userId);
      queryClient.setQueryData<Page<UserSummary>>(key, applyPresence(data, presence));
    }
    // Someone we have never listed (a new colleague) came online: list them.
    if (!known && presence.online)
      void queryClient.invalidateQueries({ queryKey: userKeys.list('') });
  });
  // Presence events missed while disconnected: ask again.
  useSocketEvent('connect', () => void queryClient.invalidateQueries({ queryKey: userKeys.all }));
}
