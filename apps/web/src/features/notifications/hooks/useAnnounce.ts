import type { AnnouncementRequest } from '@mindsp/contracts';
import { useMutation } from '@tanstack/react-query';
import { notificationsApi } from '../api';

/** An admin's announcement to everyone in the organisation (or the members of some groups). */
export function useAnnounce() {
  return useMutation({
    mutationFn: (input: AnnouncementRequest) => notificationsApi.announce(input),
  });
}
