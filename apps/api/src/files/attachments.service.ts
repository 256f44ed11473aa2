import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  FILE_LIMITS,
  type AttachmentLink,
  type AttachmentVariant,
  type AttachmentView,
  type TenantStorageView,
} from '@mindsp/contracts';
import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { badField } from '../common/bad-request';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantDatabase } from '../database/tenant-database';
import { AttachmentLinks } from './attachment-links';
import { AttachmentsRepository, type Attachment, type StoredKeys } from './attachments.repository';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { sanitiseFileName } from './file-names';
import { FileRefusedException } from './file-errors';
import { IMAGE_TYPES, claimMatches, detectContentType, isExecutableName } from './file-types';
import { incomingFile, withHead, type IncomingFile } from './multipart-file';
import { ImageReader } from './thumbnails';

/** Who asks for a file: a signed-in caller, or the user a download link was made for. */
interface Reader {
  tenantId: string;
  userId: string;
}

export interface OpenedFile {
  stream: Readable;
  contentType: string;
  name: string;
  /** Known for originals; thumbnails are sent without a length. */
  length?: number;
  /** Images open in the browser; every other file downloads. */
  inline: boolean;
}

const NOT_FOUND = 'Attachment not found';

/** What types are told apart by: signatures sit in the first bytes (magic-bytes.js reads 4 kB). */
const SNIFF_BYTES = 4096;

@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);
  private readonly links: AttachmentLinks;
  private readonly limits: AppConfig['files'];

  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly attachments: AttachmentsRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly images: ImageReader,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.links = new AttachmentLinks(config.jwtSecret);
    this.limits = config.files;
  }

  /**
   * Stores a file for the caller to send in this conversation, streamed to storage as it arrives
   * (never held whole). What can be checked before a byte is written is: membership, the tenant's
   * quota, the name (no programs or scripts) and the type found in the first bytes against the
   * allow-list and the claim. Then the size (while streaming), the image (its header, then its
   * thumbnail) and the quota again, atomically with the row. A refused file leaves neither a row
   * nor a file behind.
   */
  async upload(
    caller: AuthenticatedUser,
    conversationId: string,
    req: Request,
  ): Promise<AttachmentView> {
    const { member, used } = await this.tenantDb.transaction(caller.tenantId, async (tx) => ({
      member: await this.attachments.isMember(tx, conversationId, caller.id),
      used: await this.attachments.storageUsed(tx),
    }));
    if (!member) throw new NotFoundException('Conversation not found');
    if (used >= this.limits.tenantQuotaBytes) throw this.overQuota();

    const file = await incomingFile(req, this.limits.maxBytes);
    try {
      return await this.store(caller, conversationId, file);
    } finally {
      // Refused before its end: the rest of the request is read and dropped, never stored.
      file.stream.destroy();
    }
  }

  private async store(
    caller: AuthenticatedUser,
    conversationId: string,
    file: IncomingFile,
  ): Promise<AttachmentView> {
    const name = sanitiseFileName(file.filename);
    if (isExecutableName(name) || isExecutableName(file.filename)) {
      throw new FileRefusedException(
        'executable_refused',
        'Programs and scripts cannot be sent as files (by their name: .exe, .bat, .js, .html...)',
      );
    }
    const { head, whole, counted } = await withHead(file.stream, SNIFF_BYTES);
    const contentType = detectContentType(head, name);
    if (!this.limits.allowedTypes.includes(contentType)) {
      throw new FileRefusedException(
        'type_refused',
        `Files of this type are not accepted (${contentType === 'application/octet-stream' ? 'unknown type' : contentType})`,
      );
    }
    if (!claimMatches(file.mimeType, contentType)) {
      throw new FileRefusedException(
        'type_mismatch',
        `The file's content (${contentType}) does not match its declared type (${file.mimeType})`,
      );
    }

    const id = randomUUID();
    const storageKey = `${caller.tenantId}/${conversationId}/${id}`;
    const isImage = IMAGE_TYPES.has(contentType);
    const thumbnailKey = isImage ? `${storageKey}.thumb.webp` : null;
    try {
      await this.storage.put(storageKey, whole, contentType);
      const image = isImage ? await this.images.read(() => this.readStored(storageKey)) : null;
      if (image && thumbnailKey) {
        await this.storage.put(thumbnailKey, image.thumbnail, 'image/webp');
      }
      const { attachment, expired } = await this.tenantDb.transaction(
        caller.tenantId,
        async (tx) => ({
          attachment: await this.attachments.insert(
            tx,
            {
              id,
              conversationId,
              uploaderId: caller.id,
              name,
              contentType,
              size: counted.bytes,
              storageKey,
              thumbnailKey,
              width: image?.width ?? null,
              height: image?.height ?? null,
            },
            this.limits.tenantQuotaBytes,
          ),
          // Uploads never sent are purged as the tenant uploads more: no sweeper to run.
          expired: await this.attachments.deleteUnsent(tx, this.limits.unsentTtlSeconds),
        }),
      );
      await this.discardNow(expired);
      if (!attachment) throw this.overQuota();
      return toAttachmentView(attachment);
    } catch (error) {
      await this.discardNow([{ storageKey, thumbnailKey }]);
      throw error;
    }
  }

  /** A stored original read back whole, for the image reader (images only, one gate's worth). */
  private async readStored(key: string): Promise<Buffer> {
    const stream = await this.storage.open(key);
    if (!stream) throw new FileRefusedException('image_unreadable', 'The image could not be read');
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The caller's tenant: what its attachments take, and how much they may. */
  async storageUsage(caller: AuthenticatedUser): Promise<TenantStorageView> {
    const usedBytes = await this.tenantDb.transaction(caller.tenantId, (tx) =>
      this.attachments.storageUsed(tx),
    );
    return { usedBytes, quotaBytes: this.limits.tenantQuotaBytes };
  }

  /** The attachment as its conversation's members see it; 404 for anyone else. */
  async view(caller: AuthenticatedUser, attachmentId: string): Promise<AttachmentView> {
    const attachment = await this.find(
      { tenantId: caller.tenantId, userId: caller.id },
      attachmentId,
    );
    return toAttachmentView(attachment);
  }

  async open(
    caller: AuthenticatedUser,
    attachmentId: string,
    variant: AttachmentVariant,
  ): Promise<OpenedFile> {
    return this.openFor({ tenantId: caller.tenantId, userId: caller.id }, attachmentId, variant);
  }

  /** A URL that downloads the file without the bearer token, for `linkTtlSeconds`. */
  async link(
    caller: AuthenticatedUser,
    attachmentId: string,
    variant: AttachmentVariant,
  ): Promise<AttachmentLink> {
    const attachment = await this.find(
      { tenantId: caller.tenantId, userId: caller.id },
      attachmentId,
    );
    if (variant === 'thumbnail' && !attachment.thumbnailKey) throw new NotFoundException(NOT_FOUND);
    const expires = Math.floor(Date.now() / 1000) + this.limits.linkTtlSeconds;
    const token = this.links.sign({
      attachmentId,
      variant,
      tenantId: caller.tenantId,
      userId: caller.id,
      expires,
    });
    return { url: `/api/files/${token}`, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** A download by link: a tampered or expired link, like a member who left, is a 404. */
  async openByLink(token: string): Promise<OpenedFile> {
    const grant = this.links.verify(token);
    if (!grant) throw new NotFoundException(NOT_FOUND);
    return this.openFor(grant, grant.attachmentId, grant.variant);
  }

  /**
   * Inside the send's transaction: gives the named uploads to the new message and returns their
   * views (also stored on the message). 400 unless each is the sender's, of this conversation,
   * and not sent yet.
   */
  async claim(
    tx: EntityManager,
    c: { ids: string[]; conversationId: string; senderId: string; messageId: string },
  ): Promise<AttachmentView[]> {
    const ids = [...new Set(c.ids)];
    if (ids.length > FILE_LIMITS.perMessageMax) {
      throw badField('attachmentIds', `at most ${FILE_LIMITS.perMessageMax} attachments`);
    }
    const claimed = await this.attachments.claim(tx, {
      ids,
      conversationId: c.conversationId,
      uploaderId: c.senderId,
      messageId: c.messageId,
    });
    if (claimed.length !== ids.length) {
      throw badField(
        'attachmentIds',
        'attachmentIds must be your own uploads to this conversation, not sent yet',
      );
    }
    const views = claimed.map(toAttachmentView);
    await this.attachments.storeViews(tx, c.messageId, views);
    return views;
  }

  /** Inside a deletion's transaction: the message's attachments go; their bytes after commit. */
  detach(tx: EntityManager, messageId: string): Promise<StoredKeys[]> {
    return this.attachments.deleteForMessage(tx, messageId);
  }

  /**
   * Removes stored bytes whose rows are gone. Best effort, never awaited by a request: a file
   * left behind by a storage error is unreachable (no row points at it), only wasted space.
   */
  discard(keys: StoredKeys[]): void {
    for (const key of keys.flatMap((k) => [k.storageKey, k.thumbnailKey])) {
      if (!key) continue;
      this.storage
        .remove(key)
        .catch((error: Error) => this.logger.warn(`Could not remove ${key}: ${error.message}`));
    }
  }

  /** Removes stored bytes and waits (tests and deletions that must be done when they answer). */
  async discardNow(keys: StoredKeys[]): Promise<void> {
    await Promise.all(
      keys
        .flatMap((k) => [k.storageKey, k.thumbnailKey])
        .filter((key): key is string => !!key)
        .map((key) =>
          this.storage
            .remove(key)
            .catch((error: Error) => this.logger.warn(`Could not remove ${key}: ${error.message}`)),
        ),
    );
  }

  private async openFor(
    reader: Reader,
    attachmentId: string,
    variant: AttachmentVariant,
  ): Promise<OpenedFile> {
    const attachment = await this.find(reader, attachmentId);
    const key = variant === 'thumbnail' ? attachment.thumbnailKey : attachment.storageKey;
    const stream = key ? await this.storage.open(key) : null;
    if (!stream) throw new NotFoundException(NOT_FOUND);
    if (variant === 'thumbnail') {
      return { stream, contentType: 'image/webp', name: attachment.name, inline: true };
    }
    return {
      stream,
      contentType: attachment.contentType,
      name: attachment.name,
      length: attachment.size,
      inline: IMAGE_TYPES.has(attachment.contentType),
    };
  }

  private async find(reader: Reader, attachmentId: string): Promise<Attachment> {
    const attachment = await this.tenantDb.transaction(reader.tenantId, (tx) =>
      this.attachments.findForMember(tx, attachmentId, reader.userId),
    );
    if (!attachment) throw new NotFoundException(NOT_FOUND);
    return attachment;
  }

  private overQuota() {
    const gigabytes = Math.round((this.limits.tenantQuotaBytes / 1024 ** 3) * 10) / 10;
    return new FileRefusedException(
      'storage_quota_exceeded',
      `Your organisation's files would pass its storage quota (${gigabytes} GB): delete some first`,
    );
  }
}

export function toAttachmentView(a: Attachment): AttachmentView {
  return {
    id: a.id,
    conversationId: a.conversationId,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    kind: a.thumbnailKey ? 'image' : 'file',
    width: a.width,
    height: a.height,
  };
}
