import { useQuery } from '@tanstack/react-query';
import type { PendingMessage } from '../cache/pending';
import { pendingKeys } from '../keys';

const NONE: PendingMessage[] = [];

/** My messages of this conversation that the server has not confirmed yet. */
export function usePendingMessages(conversationId: string): PendingMessage[] {
  const { data } = useQuery({
    queryKey: pendingKeys.list(conversationId),
    queryFn: () => NONE,
    initialData: NONE,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return data;
}
