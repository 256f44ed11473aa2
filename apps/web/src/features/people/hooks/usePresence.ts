import { useQuery } from '@tanstack/react-query';
import type { PresenceState } from '../cache/presence';
import { presenceKeys } from '../keys';

const EMPTY: PresenceState = {};

/** What this tab knows of people's presence: filled by subscription acks and `presence` batches. */
export function usePresence(): PresenceState {
  const { data } = useQuery<PresenceState>({
    queryKey: presenceKeys.all,
    // Never fetched: the socket writes it (usePeopleEvents).
    queryFn: () => EMPTY,
    initialData: EMPTY,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return data;
}
