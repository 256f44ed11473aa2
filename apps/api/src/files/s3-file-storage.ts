import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import type { FileStorage } from './file-storage';

export interface S3Options {
  bucket: string;
  region: string;
  /** For S3-compatible services (MinIO, Ceph, Garage...); unset for AWS itself. */
  endpoint?: string;
  forcePathStyle: boolean;
}

/**
 * Files in an S3-compatible bucket, for several API instances. Credentials come from the AWS SDK's
 * usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role).
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3Options) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
    });
  }

  async put(key: string, bytes: Buffer | Readable, contentType: string): Promise<void> {
    const params = { Bucket: this.options.bucket, Key: key, Body: bytes, ContentType: contentType };
    if (Buffer.isBuffer(bytes)) {
      await this.client.send(new PutObjectCommand(params));
      return;
    }
    // A stream of unknown length goes up in parts (5 MB each, a few at once): never held whole.
    // A failed stream aborts the multipart upload, so no object is made.
    await new Upload({ client: this.client, params, queueSize: 2 }).done();
  }

  async open(key: string): Promise<Readable | null> {
    try {
      const object = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: key }),
      );
      // In Node the SDK's body is a Readable (an IncomingMessage).
      return object.Body instanceof Readable ? object.Body : null;
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }
}
