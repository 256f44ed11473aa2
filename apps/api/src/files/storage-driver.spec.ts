import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
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

  it('reads the quota and the bounds of uploads and images, with their defaults', () => {
    const defaults = loadConfig(SECRET).files;
    expect(defaults.tenantQuotaBytes).toBe(10 * 1024 ** 3);
    expect(defaults.inFlight).toEqual({ perUser: 2, perInstance: 8 });
    expect(defaults.images).toEqual({
      maxPixels: 50_000_000,
      maxDecodeBytes: 256 * 1024 * 1024,
      concurrency: 2,
      timeoutSeconds: 15,
    });
    const set = loadConfig({
      ...SECRET,
      FILES_TENANT_QUOTA: '1000',
      FILES_UPLOADS_PER_USER: '1',
      FILES_UPLOADS_AT_ONCE: '4',
      FILES_IMAGE_MAX_MB: '64',
      FILES_IMAGE_TIMEOUT: '5s',
    }).files;
    expect(set.tenantQuotaBytes).toBe(1000);
    expect(set.inFlight).toEqual({ perUser: 1, perInstance: 4 });
    expect(set.images.maxDecodeBytes).toBe(64 * 1024 * 1024);
    expect(set.images.timeoutSeconds).toBe(5);
    expect(() => loadConfig({ ...SECRET, FILES_UPLOADS_PER_USER: '0' })).toThrow(
      /FILES_UPLOADS_PER_USER/,
    );
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

  it('writes a stream as it comes; a stream that fails leaves nothing, not even a partial file', async () => {
    const storage = new LocalFileStorage(root);
    await storage.put('t/c/a', Readable.from([Buffer.from('bon'), Buffer.from('jour')]));
    expect(await text((await storage.open('t/c/a'))!)).toBe('bonjour');
    async function* cut() {
      yield Buffer.from('début');
      throw new Error('too large');
    }
    await expect(storage.put('t/c/b', Readable.from(cut()))).rejects.toThrow('too large');
    expect(await storage.open('t/c/b')).toBeNull();
    expect(readdirSync(join(root, 't/c'))).toEqual(['a']);
  });

  it('refuses a key that would leave its folder', async () => {
    const storage = new LocalFileStorage(root);
    await expect(storage.put('../escape', Buffer.from('x'))).rejects.toThrow(/outside storage/);
  });
});
