import type { AttachmentVariant } from '@mindsp/contracts';

export const attachmentKeys = {
  all: ['attachments'] as const,
  link: (attachmentId: string, variant: AttachmentVariant) =>
    [...attachmentKeys.all, 'link', attachmentId, variant] as const,
};
