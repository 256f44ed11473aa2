import type { NotificationSettings } from '@mindsp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationsApi } from '../api';
import { notificationKeys } from '../keys';

/** My notification preferences (the defaults until I save mine). */
export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings(),
    queryFn: ({ signal }) => notificationsApi.settings(signal),
  });
}

/** Saves my preferences whole; what the server kept is what is shown afterwards. */
export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: NotificationSettings) => notificationsApi.saveSettings(settings),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.settings(), saved),
  });
}
