import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notificationsApi } from '../api';
import { storeRead } from '../cache/store';

/**
 * Marks one notification (an id) or all of them (no id) read: the badge drops at once, the
 * server tells my other tabs.
 */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id?: string): Promise<void> => {
      if (id === undefined) await notificationsApi.markAllRead();
      else await notificationsApi.markRead(id);
    },
    onMutate: (id) => storeRead(queryClient, id === undefined ? { all: true } : { ids: [id] }),
  });
}
