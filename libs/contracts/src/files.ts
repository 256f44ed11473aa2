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
  /** FILES_TENANT_QUOTA: what one tenant's attachments may add up to, 10 GiB. */
  tenantQuotaBytesDefault: 10 * 1024 * 1024 * 1024,
} as const;

/**
 * Why an upload was refused (`code` of the error body), stable for clients:
 * - `file_too_large` (413): past FILES_MAX_BYTES;
 * - `storage_quota_exceeded` (413): the tenant's attachments would pass FILES_TENANT_QUOTA;
 * - `image_too_large` (413): an image whose decoding would pass the pixel or memory bound;
 * - `executable_refused` (415): a program or script, by its name, whatever its bytes;
 * - `type_refused` (415): a type the allow-list does not hold;
 * - `type_mismatch` (415): the bytes are not what the claimed type says;
 * - `image_unreadable` (415): the bytes start as an image but do not decode;
 * - `uploads_busy` (429, with Retry-After): too many uploads in flight, the user's or the instance's.
 */
export type FileErrorCode =
  | 'file_too_large'
  | 'storage_quota_exceeded'
  | 'image_too_large'
  | 'executable_refused'
  | 'type_refused'
  | 'type_mismatch'
  | 'image_unreadable'
  | 'uploads_busy';

/** `GET /api/admin/storage`: what the caller's tenant stores, against its quota. */
export interface TenantStorageView {
  usedBytes: number;
  quotaBytes: number;
}

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
