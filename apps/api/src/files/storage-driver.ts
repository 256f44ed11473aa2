import type { AppConfig } from '../config/config';
import type { FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

/** The driver FILES_STORAGE names: the local folder by default, or the S3-compatible bucket. */
export function storageFor(files: AppConfig['files']): FileStorage {
  return files.storage === 's3' ? new S3FileStorage(files.s3) : new LocalFileStorage(files.dir);
}
