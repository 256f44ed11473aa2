import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AttachmentVariant } from '@mindsp/contracts';

/** What a link grants: one variant of one attachment, to one user of one tenant, until `expires`. */
export interface LinkGrant {
  attachmentId: string;
  variant: AttachmentVariant;
  tenantId: string;
  userId: string;
  /** Seconds since the epoch. */
  expires: number;
}

/**
 * Short-lived download links, so that an `<img>` or a plain link can fetch a file without the
 * bearer token. The grant is signed (HMAC-SHA256 with a key derived from JWT_SECRET for this use
 * only, so a link is never a valid access token and the reverse). It is bound to the user it was
 * made for: the download still checks that this user is an active member of the conversation, so
 * the link of a removed member or of a deactivated user stops working at once, not at its expiry.
 */
export class AttachmentLinks {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('mindsp attachment links v1').digest();
  }

  sign(grant: LinkGrant): string {
    const payload = Buffer.from(
      JSON.stringify([
        grant.attachmentId,
        grant.variant,
        grant.tenantId,
        grant.userId,
        grant.expires,
      ]),
    ).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The grant of a valid, unexpired token; null for anything else (tampered, expired, garbage). */
  verify(token: string, now = Date.now()): LinkGrant | null {
    const [payload, mac, ...rest] = token.split('.');
    if (!payload || !mac || rest.length) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const [attachmentId, variant, tenantId, userId, expires] = JSON.parse(
        Buffer.from(payload, 'base64url').toString(),
      ) as [string, AttachmentVariant, string, string, number];
      if (typeof expires !== 'number' || expires * 1000 < now) return null;
      return { attachmentId, variant, tenantId, userId, expires };
    } catch {
      return null;
    }
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
