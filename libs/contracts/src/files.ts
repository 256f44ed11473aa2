/**
 * Files attached to messages. A file is uploaded first (`POST /api/conversations/:id/attachments`),
 * then a send names it in `attachmentIds`; one not sent within a while is purged.
 */

/** The defaults the API starts with (each configurable by environment) and the SPA shows. */
export const FILE_LIMITS = {
  /** FILES_MAX_BYTES: 25 MB. */
  maxBytesDefault: 25 * 1024 * 1024,
  /** A stored name is cut to this many characters (its extension kept). */
  nameMaxLength: 180,
  /** Attachments one message may carry. */
  perMessageMax: 10,
} as const;

/**
 * FILES_ALLOWED_TYPES' default: what the bytes must turn out to be (the client's claim is not
 * trusted). No SVG or HTML: a browser would run their scripts.
 */
export const DEFAULT_ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
] as const;

export interface AttachmentView {
  id: string;
  conversationId: string;
  /** Sanitised: no path, no control characters, bounded length. */
  name: string;
  /** The type found in the bytes. */
  contentType: string;
  size: number;
  /** Images have a thumbnail and open inline; other files download. */
  kind: 'image' | 'file';
  width: number | null;
  height: number | null;
}

/** `GET /api/attachments/:id/link`: a URL that works without a token, for a short while. */
export interface AttachmentLink {
  url: string;
  expiresAt: string;
}

export const ATTACHMENT_VARIANTS = ['original', 'thumbnail'] as const;
export type AttachmentVariant = (typeof ATTACHMENT_VARIANTS)[number];
