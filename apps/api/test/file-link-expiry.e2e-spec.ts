import type { AttachmentLink, AttachmentView } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startApp, type TestApp } from './app';
import { as, createGroup, freshTenant } from './messaging';
import { waitFor } from './wait-for';

const FILES_DIR = mkdtempSync(join(tmpdir(), 'mindsp-link-files-'));
const NOTE = Buffer.from('Consignes du jour : rassemblement à 7 h 30.\n');

// README, "Files": a download link is "a signed link valid `FILES_LINK_TTL`"; past it, the link is
// refused as anyone without access is (404), while the member can still download with the token.
describe('a download link after FILES_LINK_TTL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ FILES_DIR, FILES_LINK_TTL: '3s' });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(FILES_DIR, { recursive: true, force: true });
  });

  it('works until its expiry, then answers 404; a new link works again', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const group = await createGroup(t, alice!, [bob!]);
    const file = (
      await as(t, alice!)
        .post(`/api/conversations/${group.id}/attachments`)
        .attach('file', NOTE, { filename: 'consignes.txt', contentType: 'text/plain' })
        .expect(201)
    ).body as AttachmentView;
    await as(t, alice!)
      .post(`/api/conversations/${group.id}/messages`)
      .send({ clientMessageId: randomUUID(), body: 'Les consignes', attachmentIds: [file.id] })
      .expect(201);

    const asked = Math.floor(Date.now() / 1000);
    const link = (await as(t, bob!).get(`/api/attachments/${file.id}/link`).expect(200))
      .body as AttachmentLink;
    const answered = Math.floor(Date.now() / 1000);
    // FILES_LINK_TTL from the second it was made.
    const expiresAt = new Date(link.expiresAt).getTime();
    expect([(asked + 3) * 1000, (answered + 3) * 1000]).toContain(expiresAt);
    const download = () => request(t.url).get(link.url).responseType('blob');

    const fresh = await download();
    expect(fresh.status).toBe(200);
    expect(Buffer.compare(fresh.body as Buffer, NOTE)).toBe(0);

    await waitFor(() => Date.now() > expiresAt, 10_000, 'the link to expire');
    const expired = await request(t.url).get(link.url);
    expect([expired.status, expired.body]).toEqual([
      404,
      { statusCode: 404, error: 'Not Found', message: 'Attachment not found', code: 'not_found' },
    ]);

    // Only the link ended: the file is there, with the token or a new link.
    const withToken = await as(t, bob!)
      .get(`/api/attachments/${file.id}/content`)
      .responseType('blob')
      .expect(200);
    expect(Buffer.compare(withToken.body as Buffer, NOTE)).toBe(0);
    const renewed = (await as(t, bob!).get(`/api/attachments/${file.id}/link`).expect(200))
      .body as AttachmentLink;
    const again = await request(t.url).get(renewed.url).responseType('blob').expect(200);
    expect(Buffer.compare(again.body as Buffer, NOTE)).toBe(0);
  });
});
