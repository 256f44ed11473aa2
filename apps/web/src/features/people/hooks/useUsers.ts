import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usersApi } from '../api';
import { userKeys } from '../keys';

/** People of my organisation (the first hundred matching `q`), with who is online. */
export function useUsers(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: userKeys.list(term),
    queryFn: ({ signal }) => usersApi.list(term, signal),
    placeholderData: keepPreviousData,
  });
}
