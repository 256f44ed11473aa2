import { useUsers } from './useUsers';

/** Whether the person is online now; undefined when not among the people listed. */
export function useIsOnline(userId: string | undefined): boolean | undefined {
  const { data } = useUsers('');
  const user = userId ? data?.items.find((item) => item.id === userId) : undefined;
  return user ? Boolean(user.online) : undefined;
}
