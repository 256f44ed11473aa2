import type { AttachmentVariant } from '@mindsp/contracts';
import { useQuery } from '@tanstack/react-query';
import { filesApi } from '../api';
import { attachmentKeys } from '../keys';

/**
 * A short-lived URL of a file, for an <img>. Never refetched while shown: a new URL would load
 * the image again, and the one on screen needs none. Forgotten a little before it expires, so a
 * view opened later asks for a fresh one.
 */
export function useAttachmentLink(
  attachmentId: string,
  variant: AttachmentVariant,
  enabled = true,
) {
  return useQuery({
    queryKey: attachmentKeys.link(attachmentId, variant),
    queryFn: ({ signal }) => filesApi.link(attachmentId, variant, signal),
    enabled,
    staleTime: Infinity,
    gcTime: 3 * 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
