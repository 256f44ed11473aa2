import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live. Keys are ours (`<tenant>/<conversation>/<attachment>[.thumb.webp]`),
 * never a client's name. Local disk by default; an S3-compatible bucket when several instances
 * must share the files.
 */
export interface FileStorage {
  /**
   * Stores the bytes under `key`, a stream written as it comes (never held whole). When the
   * stream fails, nothing is left under the key.
   */
  put(key: string, bytes: Buffer | Readable, contentType: string): Promise<void>;
  /** The stored bytes, or null when there are none under this key. */
  open(key: string): Promise<Readable | null>;
  /** Removes the key; a key already gone is not an error. */
  remove(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');
