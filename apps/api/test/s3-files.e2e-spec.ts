import type { AttachmentLink, AttachmentView, MessageView } from '@mindsp/contracts';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import sharp from 'sharp';
import request from 'supertest';
import { freePort } from './api-process';
import { startApp, type TestApp } from './app';
import { as, createGroup, signIn, type DemoPeople, type Person } from './messaging';

const BUCKET = 'mindsp-files';
/** s3rver's fixed credentials: the driver takes them from the AWS SDK's usual variables. */
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/**
 * Attachments on an S3-compatible server (s3rver, on loopback) shared by two API instances, as
 * several machines run with FILES_STORAGE=s3: what one stores, the other serves and deletes.
 */
describe('files on S3, two API instances sharing the bucket', () => {
  const directory = mkdtempSync(join(tmpdir(), 'mindsp-s3-'));
  let s3: S3rver;
  let endpoint: string;
  let a: TestApp;
  let b: TestApp;
  let people: DemoPeople;
  let bucket: S3Client;

  beforeAll(async () => {
    const port = await freePort();
    s3 = new S3rver({
      address: '127.0.0.1',
      port,
      directory,
      silent: true,
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    await s3.run();
    endpoint = `http://127.0.0.1:${port}`;
    // The SDK reads its credentials when it first signs a request, long after startApp has
    // restored the environment: they stay set for the whole file.
    Object.assign(process.env, CREDENTIALS);
    const env = {
      FILES_STORAGE: 's3',
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: 'true',
    };
    [a, b] = await Promise.all([startApp(env), startApp(env)]);
    people = await signIn(a);
    bucket = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  }, 60_000);
  afterAll(async () => {
    for (const name of Object.keys(CREDENTIALS)) delete process.env[name];
    bucket?.destroy();
    await a?.close();
    await b?.close();
    await s3?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** The bucket's keys under a conversation (`<tenant>/<conversation>/...`), names only. */
  async function objectsOf(who: Person, conversationId: string): Promise<string[]> {
    const prefix = `${who.tenantId}/${conversationId}/`;
    const listed = await bucket.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    return (listed.Contents ?? []).map((o) => o.Key!.slice(prefix.length)).sort();
  }

  async function groupWithFiles() {
    const { alice, bob } = people;
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 30, b: 30 } },
    })
      .png()
      .toBuffer();
    const group = await createGroup(a, alice, [bob]);
    const upload = (bytes: Buffer, filename: string, contentType: string) =>
      as(a, alice)
        .post(`/api/conversations/${group.id}/attachments`)
        .attach('file', bytes, { filename, contentType })
        .expect(201);
    const image = (await upload(photo, 'photo.png', 'image/png')).body as AttachmentView;
    const pdf = (await upload(PDF, 'rapport.pdf', 'application/pdf')).body as AttachmentView;
    // Sent through the other instance.
    const message = (
      await as(b, alice)
        .post(`/api/conversations/${group.id}/messages`)
        .send({
          body: 'Le rapport',
          clientMessageId: randomUUID(),
          attachmentIds: [image.id, pdf.id],
        })
        .expect(201)
    ).body as MessageView;
    return { group, photo, image, pdf, message };
  }

  it('stores uploads and thumbnails in the bucket; the other instance serves them, by link too', async () => {
    const { alice, bob } = people;
    const { group, photo, image, pdf, message } = await groupWithFiles();
    expect(message.attachments?.map((x) => x.id)).toEqual([image.id, pdf.id]);
    expect(await objectsOf(alice, group.id)).toEqual(
      [image.id, `${image.id}.thumb.webp`, pdf.id].sort(),
    );

    const original = await as(b, bob)
      .get(`/api/attachments/${image.id}/content`)
      .responseType('blob')
      .expect(200);
    expect(Buffer.compare(original.body as Buffer, photo)).toBe(0);
    expect(original.headers['content-type']).toBe('image/png');
    const thumbnail = await as(b, bob)
      .get(`/api/attachments/${image.id}/thumbnail`)
      .responseType('blob')
      .expect(200);
    const facts = await sharp(thumbnail.body as Buffer).metadata();
    expect([facts.format, facts.width, facts.height]).toEqual(['webp', 480, 360]);

    // A signed link made by one instance opens on the other, without the token; not once altered.
    const link = (await as(a, bob).get(`/api/attachments/${pdf.id}/link`).expect(200))
      .body as AttachmentLink;
    const byLink = await request(b.url).get(link.url).responseType('blob').expect(200);
    expect(Buffer.compare(byLink.body as Buffer, PDF)).toBe(0);
    expect(byLink.headers['content-disposition']).toMatch(/^attachment;/);
    await request(b.url)
      .get(`${link.url.slice(0, -2)}xx`)
      .expect(404);
  });

  it('removes the objects from the bucket when their message is deleted on either instance', async () => {
    const { alice, bob } = people;
    const { group, image, pdf, message } = await groupWithFiles();
    const link = (await as(a, bob).get(`/api/attachments/${pdf.id}/link`).expect(200))
      .body as AttachmentLink;
    expect(await objectsOf(alice, group.id)).toHaveLength(3);

    await as(b, alice).delete(`/api/conversations/${group.id}/messages/${message.id}`).expect(200);

    expect(await objectsOf(alice, group.id)).toEqual([]);
    await as(a, bob).get(`/api/attachments/${image.id}/content`).expect(404);
    await as(a, bob).get(`/api/attachments/${image.id}/thumbnail`).expect(404);
    await request(a.url).get(link.url).expect(404);
  });
});
