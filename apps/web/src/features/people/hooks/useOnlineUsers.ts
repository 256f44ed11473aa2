import { useQuery } from '@tanstack/react-query';
import { usersApi } from '../api';
import { userKeys } from '../keys';

/**
 * The first people online now. Departures of those shown arrive live (they are followed); new
 * arrivals are not broadcast to anyone, so the list is asked again now and then, and on reconnect.
 */
const REFRESH_MS = 30_000;

export function useOnlineUsers() {
  return useQuery({
    queryKey: userKeys.online(),
    queryFn: ({ signal }) => usersApi.online(signal),
    refetchInterval: REFRESH_MS,
  });
}
