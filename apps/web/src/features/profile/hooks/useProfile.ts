import { useQuery } from '@tanstack/react-query';
import { profileApi } from '../api';
import { profileKeys } from '../keys';

/** A person's name, role, status and last seen; read when their profile opens. */
export function useProfile(userId: string, enabled = true) {
  return useQuery({
    queryKey: profileKeys.detail(userId),
    queryFn: ({ signal }) => profileApi.get(userId, signal),
    enabled,
    staleTime: 0,
  });
}
