import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  FILE_LIMITS,
  type AttachmentLink,
  type AttachmentVariant,
  type AttachmentView,
} from '@mindsp/contracts';
import {
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { badField } from '../common/bad-request';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantDatabase } from '../database/tenant-database';
import { AttachmentLinks } from './attachment-links';
import { AttachmentsRepository, type Attachment, type StoredKeys } from './attachments.repository';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { sanitiseFileName } from './file-names';
import { IMAGE_TYPES, claimMatches, detectContentType } from './file-types';
import { readImage } from './thumbnails';

/** An upload as multer hands it over (kept in memory: nothing is written before it is checked). */
export interface UploadedBytes {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

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

@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger(AttachmentsService.name);
  private readonly links: AttachmentLinks;
  private readonly limits: AppConfig['files'];

  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly attachments: AttachmentsRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.links = new AttachmentLinks(config.jwtSecret);
    this.limits = config.files;
  }

  /**
   * Stores a file for the caller to send in this conversation. Everything is checked before a
   * byte is written (membership, size, the type found in the bytes, the claim, the image itself),
   * so a refused file leaves neither a row nor a file behind.
   */
  async upload(
    caller: AuthenticatedUser,
    conversationId: string,
    file: UploadedBytes | undefined,
  ): Promise<AttachmentView> {
    if (!file) throw badField('file', 'file is required (multipart/form-data, field "file")');
    const member = await this.tenantDb.transaction(caller.tenantId, (tx) =>
      this.attachments.isMember(tx, conversationId, caller.id),
    );
    if (!member) throw new NotFoundException('Conversation not found');
    if (file.size > this.limits.maxBytes) throw this.tooLarge();
    const name = sanitiseFileName(file.originalname);
    const contentType = detectContentType(file.buffer, name);
    if (!this.limits.allowedTypes.includes(contentType)) {
      throw new UnsupportedMediaTypeException(
        `Files of this type are not accepted (${contentType === 'application/octet-stream' ? 'unknown type' : contentType})`,
      );
    }
    if (!claimMatches(file.mimetype, contentType)) {
      throw new UnsupportedMediaTypeException(
        `The file's content (${contentType}) does not match its declared type (${file.mimetype})`,
      );
    }
    const image = IMAGE_TYPES.has(contentType) ? await readImage(file.buffer) : null;
    if (IMAGE_TYPES.has(contentType) && !image) {
      throw new UnsupportedMediaTypeException('The image could not be read');
    }

    const id = randomUUID();
    const storageKey = `${caller.tenantId}/${conversationId}/${id}`;
    const thumbnailKey = image ? `${storageKey}.thumb.webp` : null;
    await this.storage.put(storageKey, file.buffer, contentType);
    try {
      if (image && thumbnailKey)
        await this.storage.put(thumbnailKey, image.thumbnail, 'image/webp');
      const { attachment, expired } = await this.tenantDb.transaction(
        caller.tenantId,
        async (tx) => ({
          attachment: await this.attachments.insert(tx, {
            id,
            conversationId,
            uploaderId: caller.id,
            name,
            contentType,
            size: file.size,
            storageKey,
            thumbnailKey,
            width: image?.width ?? null,
            height: image?.height ?? null,
          }),
          // Uploads never sent are purged as the tenant uploads more: no sweeper to run.
          expired: await this.attachments.deleteUnsent(tx, this.limits.unsentTtlSeconds),
        }),
      );
      await this.discardNow(expired);
      return toAttachmentView(attachment);
    } catch (error) {
      this.discard([{ storageKey, thumbnailKey }]);
      throw error;
    }
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

  private tooLarge() {
    const megabytes = Math.round((this.limits.maxBytes / 1024 / 1024) * 10) / 10;
    return new PayloadTooLargeException(`The file is too large (at most ${megabytes} MB)`);
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
