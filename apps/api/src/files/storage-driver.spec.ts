import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { loadConfig } from '../config/config';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';
import { storageFor } from './storage-driver';

const SECRET = { JWT_SECRET: 'x'.repeat(32) };

describe('storageFor', () => {
  it('keeps files in .data/files on local disk by default', () => {
    const { files } = loadConfig(SECRET);
    expect(files.dir.endsWith(join('.data', 'files'))).toBe(true);
    expect(storageFor(files)).toBeInstanceOf(LocalFileStorage);
  });

  it('uses the S3-compatible bucket when FILES_STORAGE=s3, which needs S3_BUCKET', () => {
    const { files } = loadConfig({
      ...SECRET,
      FILES_STORAGE: 's3',
      S3_BUCKET: 'mindsp-files',
      S3_ENDPOINT: 'http://localhost:9000',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(files.s3).toEqual({
      bucket: 'mindsp-files',
      region: 'us-east-1',
      endpoint: 'http://localhost:9000',
      forcePathStyle: true,
    });
    expect(storageFor(files)).toBeInstanceOf(S3FileStorage);
    expect(() => loadConfig({ ...SECRET, FILES_STORAGE: 's3' })).toThrow(/S3_BUCKET/);
  });

  it('reads the size limit and the allowed types', () => {
    const { files } = loadConfig({
      ...SECRET,
      FILES_MAX_BYTES: '1048576',
      FILES_ALLOWED_TYPES: ' image/png, Application/PDF ',
    });
    expect(files.maxBytes).toBe(1048576);
    expect(files.allowedTypes).toEqual(['image/png', 'application/pdf']);
    expect(loadConfig(SECRET).files.allowedTypes).toContain('image/jpeg');
    expect(loadConfig(SECRET).files.allowedTypes).not.toContain('image/svg+xml');
  });
});

describe('LocalFileStorage', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'mindsp-storage-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores, reads back and removes a file; a missing one is null', async () => {
    const storage = new LocalFileStorage(root);
    await storage.put('t/c/a', Buffer.from('bonjour'));
    expect(await text((await storage.open('t/c/a'))!)).toBe('bonjour');
    await storage.remove('t/c/a');
    await storage.remove('t/c/a');
    expect(await storage.open('t/c/a')).toBeNull();
  });

  it('refuses a key that would leave its folder', async () => {
    const storage = new LocalFileStorage(root);
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/outside storage/);
  });
});
