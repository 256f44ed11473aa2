import { usePresence } from './usePresence';

/** Whether the person is online now; undefined while their presence is not known (not followed). */
export function useIsOnline(userId: string | undefined): boolean | undefined {
  const presence = usePresence();
  return userId ? presence[userId]?.online : undefined;
}
