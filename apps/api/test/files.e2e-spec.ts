import type { AttachmentLink, AttachmentView, MessageView } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { startApp, type TestApp } from './app';
import { interlacedPngBomb } from './image-bomb';
import {
  as,
  createGroup,
  demoSuite,
  history,
  freshTenant,
  socketOf,
  type DemoPeople,
  type Person,
} from './messaging';
import { waitFor } from './wait-for';

/** Where this suite's files go: a folder of its own, looked at directly to prove what is stored. */
const FILES_DIR = mkdtempSync(join(tmpdir(), 'mindsp-files-'));
/** Small, so that a file past it is quick to make. */
const MAX_BYTES = 1_000_000;

/** A real PNG (800×600), made by sharp. */
function png(width = 800, height = 600): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } },
  })
    .png()
    .toBuffer();
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** Every file stored for a conversation (`<dir>/<tenant>/<conversation>/...`). */
function storedFiles(tenantId: string, conversationId: string): string[] {
  const folder = join(FILES_DIR, tenantId, conversationId);
  return existsSync(folder) ? readdirSync(folder) : [];
}

async function rowsOf(t: TestApp, conversationId: string): Promise<number> {
  const [row] = await t.db.query(
    `SELECT count(*)::int AS count FROM message_attachments WHERE conversation_id = $1`,
    [conversationId],
  );
  return row.count;
}

describe('files in messages', () => {
  let t: TestApp;
  let people: DemoPeople;
  demoSuite({ FILES_DIR, FILES_MAX_BYTES: String(MAX_BYTES) }, (suite) => {
    t = suite.t;
    people = suite;
  });
  afterAll(() => rmSync(FILES_DIR, { recursive: true, force: true }));

  function upload(
    who: Person,
    conversationId: string,
    bytes: Buffer,
    filename: string,
    contentType?: string,
  ) {
    return as(t, who)
      .post(`/api/conversations/${conversationId}/attachments`)
      .attach('file', bytes, { filename, contentType });
  }

  /**
   * Every route of attachment `id` answers `who` exactly as for an id that never existed: a 404
   * whose whole body (the id aside) tells nothing more, and no byte of the file.
   */
  async function expectUnknown(who: Person, id: string) {
    const never = randomUUID();
    for (const route of ['', '/content', '/thumbnail', '/link']) {
      const [res, none] = await Promise.all(
        [id, never].map((each) => as(t, who).get(`/api/attachments/${each}${route}`)),
      );
      const seen = (answer: typeof res, asked: string) => ({
        route,
        status: answer!.status,
        type: answer!.headers['content-type'],
        body: answer!.text.replaceAll(asked, '<id>'),
      });
      expect(seen(res, id)).toEqual({ ...seen(none, never), status: 404 });
    }
  }

  async function sendWith(who: Person, conversationId: string, ids: string[], body = '') {
    const res = await as(t, who)
      .post(`/api/conversations/${conversationId}/messages`)
      .send({ body, clientMessageId: randomUUID(), attachmentIds: ids })
      .expect(201);
    return res.body as MessageView;
  }

  /** Alice and Bob's group with an image and a PDF sent in it; Carol is not a member. */
  async function groupWithFiles() {
    const { alice, bob } = people;
    const group = await createGroup(t, alice, [bob]);
    const image = (await upload(alice, group.id, await png(), 'photo.png', 'image/png').expect(201))
      .body as AttachmentView;
    const pdf = (
      await upload(alice, group.id, PDF, 'Compte rendu été.pdf', 'application/pdf').expect(201)
    ).body as AttachmentView;
    const message = await sendWith(alice, group.id, [image.id, pdf.id], 'Le rapport');
    return { group, image, pdf, message };
  }

  it('uploads, sends and lets a member download the file and the thumbnail', async () => {
    const { alice, bob } = people;
    const photo = await png();
    const { group, image, pdf, message } = await groupWithFiles();

    expect(image).toMatchObject({
      name: 'photo.png',
      contentType: 'image/png',
      size: photo.length,
      kind: 'image',
      width: 800,
      height: 600,
    });
    expect(pdf).toMatchObject({ contentType: 'application/pdf', kind: 'file', width: null });
    expect(message.attachments?.map((a) => a.id)).toEqual([image.id, pdf.id]);
    // Bob sees them in the history, as sent.
    const seen = (await history(t, bob, group.id)).items.find((m) => m.id === message.id)!;
    expect(seen.attachments).toEqual(message.attachments);

    const original = await as(t, bob)
      .get(`/api/attachments/${image.id}/content`)
      .responseType('blob')
      .expect(200);
    expect(Buffer.compare(original.body as Buffer, photo)).toBe(0);
    expect(original.headers['content-type']).toBe('image/png');
    expect(original.headers['x-content-type-options']).toBe('nosniff');
    expect(original.headers['content-disposition']).toBe('inline; filename="photo.png"');

    const thumbnail = await as(t, bob)
      .get(`/api/attachments/${image.id}/thumbnail`)
      .responseType('blob')
      .expect(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    const facts = await sharp(thumbnail.body as Buffer).metadata();
    expect({ format: facts.format, width: facts.width, height: facts.height }).toEqual({
      format: 'webp',
      width: 480,
      height: 360,
    });

    // Anything but an image downloads, under its name (RFC 5987 beyond ASCII) and nosniff.
    const document = await as(t, bob)
      .get(`/api/attachments/${pdf.id}/content`)
      .responseType('blob')
      .expect(200);
    expect(Buffer.compare(document.body as Buffer, PDF)).toBe(0);
    expect(document.headers['content-type']).toBe('application/pdf');
    expect(document.headers['x-content-type-options']).toBe('nosniff');
    expect(document.headers['content-disposition']).toBe(
      `attachment; filename="Compte rendu ete.pdf"; filename*=UTF-8''Compte%20rendu%20%C3%A9t%C3%A9.pdf`,
    );

    // A link works without the token, for a member, and not once tampered with.
    const link = (await as(t, bob).get(`/api/attachments/${pdf.id}/link`).expect(200))
      .body as AttachmentLink;
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const byLink = await request(t.url).get(link.url).responseType('blob').expect(200);
    expect(Buffer.compare(byLink.body as Buffer, PDF)).toBe(0);
    expect(byLink.headers['content-disposition']).toMatch(/^attachment;/);
    await request(t.url)
      .get(`${link.url.slice(0, -2)}xx`)
      .expect(404);
    const thumbLink = (
      await as(t, alice).get(`/api/attachments/${image.id}/link?variant=thumbnail`).expect(200)
    ).body as AttachmentLink;
    const thumbByLink = await request(t.url).get(thumbLink.url).expect(200);
    expect(thumbByLink.headers['content-type']).toBe('image/webp');
  });

  it('sends files over the socket too, and the other members get them live', async () => {
    const { alice, bob } = people;
    const group = await createGroup(t, alice, [bob]);
    const pdf = (await upload(alice, group.id, PDF, 'consignes.pdf').expect(201))
      .body as AttachmentView;
    const [aliceSocket, bobSocket] = await Promise.all([socketOf(t, alice), socketOf(t, bob)]);
    const arrives = bobSocket.waitFor('message:new', (m) => m.conversationId === group.id);
    const sent = await aliceSocket.ok('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: '',
      attachmentIds: [pdf.id],
    });
    expect(sent.attachments).toEqual([pdf]);
    expect((await arrives).attachments).toEqual([pdf]);
    // Sent once: the same upload cannot go in a second message.
    const again = await aliceSocket.emit('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: 'encore',
      attachmentIds: [pdf.id],
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('sanitises the name: no folders, no control or bidi characters, bounded length', async () => {
    const { alice, bob } = people;
    const group = await createGroup(t, alice, [bob]);
    const sneaky = (
      await upload(
        alice,
        group.id,
        Buffer.from('notes'),
        '../../etc/note\u202Efdp\u200B.txt',
      ).expect(201)
    ).body as AttachmentView;
    expect(sneaky).toMatchObject({ name: 'notefdp.txt', contentType: 'text/plain' });
    const long = (
      await upload(alice, group.id, Buffer.from('x'), `${'a'.repeat(400)}.txt`).expect(201)
    ).body as AttachmentView;
    expect(long.name).toHaveLength(180);
    expect(long.name.endsWith('.txt')).toBe(true);
  });

  it("keeps a conversation's files from a non-member, by id and by URL", async () => {
    const { alice, bob, carol } = people;
    const { group, image, pdf } = await groupWithFiles();
    for (const id of [image.id, pdf.id]) await expectUnknown(carol, id);
    // A member gets it whole.
    expect((await as(t, bob).get(`/api/attachments/${image.id}`).expect(200)).body).toEqual(image);
    // Nor can she upload there, or send someone else's upload in her own conversation.
    await upload(carol, group.id, PDF, 'x.pdf').expect(404);
    const unsent = (await upload(alice, group.id, PDF, 'draft.pdf').expect(201))
      .body as AttachmentView;
    const own = await createGroup(t, carol, [bob]);
    const res = await as(t, carol)
      .post(`/api/conversations/${own.id}/messages`)
      .send({ body: 'mine', clientMessageId: randomUUID(), attachmentIds: [unsent.id] })
      .expect(400);
    expect(res.body.fields.attachmentIds).toBeDefined();
    // An upload not sent yet is its uploader's alone, even in the conversation.
    await expectUnknown(bob, unsent.id);
    const mine = await as(t, alice)
      .get(`/api/attachments/${unsent.id}/content`)
      .responseType('blob')
      .expect(200);
    expect(Buffer.compare(mine.body as Buffer, PDF)).toBe(0);
  });

  it("answers 404 to another tenant's user, by id and by URL", async () => {
    const { dave } = people;
    const { group, image, pdf } = await groupWithFiles();
    for (const id of [image.id, pdf.id]) await expectUnknown(dave, id);
    await upload(dave, group.id, PDF, 'x.pdf').expect(404);
  });

  it('refuses an oversized, a disallowed or a lying file with a clear error, storing nothing', async () => {
    const { alice, bob } = people;
    const group = await createGroup(t, alice, [bob]);

    const big = await upload(alice, group.id, Buffer.alloc(MAX_BYTES + 1, 'a'), 'big.txt').expect(
      413,
    );
    expect(big.body).toMatchObject({
      message: 'The file is too large (at most 1 MB)',
      code: 'file_too_large',
    });

    const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64)]);
    const exe = await upload(
      alice,
      group.id,
      program,
      'tool.dat',
      'application/octet-stream',
    ).expect(415);
    expect(exe.body).toMatchObject({ message: expect.stringMatching(/not accepted/) });
    expect(exe.body.code).toBe('type_refused');

    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const vector = await upload(alice, group.id, svg, 'logo', 'image/svg+xml').expect(415);
    expect(vector.body.message).toMatch(/not accepted/);

    // Text (a page with a script) claiming to be a PNG, and a program claiming to be a PDF.
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const fake = await upload(alice, group.id, html, 'photo.png', 'image/png').expect(415);
    expect(fake.body).toMatchObject({
      message: "The file's content (text/plain) does not match its declared type (image/png)",
      code: 'type_mismatch',
    });
    await upload(alice, group.id, program, 'rapport.pdf', 'application/pdf').expect(415);
    // Bytes that start as a PNG but are no image at all.
    const broken = Buffer.concat([(await png()).subarray(0, 16), Buffer.alloc(100)]);
    const unreadable = await upload(alice, group.id, broken, 'broken.png', 'image/png').expect(415);
    expect(unreadable.body).toMatchObject({
      message: 'The image could not be read',
      code: 'image_unreadable',
    });

    await as(t, alice)
      .post(`/api/conversations/${group.id}/attachments`)
      .field('note', 'no file')
      .expect((res) => expect([400, 413]).toContain(res.status));
    const missing = await as(t, alice)
      .post(`/api/conversations/${group.id}/attachments`)
      .expect(400);
    expect(missing.body.fields.file).toBeDefined();

    expect(await rowsOf(t, group.id)).toBe(0);
    expect(storedFiles(alice.tenantId, group.id)).toEqual([]);
  });

  it('refuses programs and scripts by their name, whatever the bytes (415 executable_refused)', async () => {
    const { alice, bob } = people;
    const group = await createGroup(t, alice, [bob]);
    const program = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64)]);
    const zip = Buffer.from('504b0304140000000000', 'hex');
    const page = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const script = Buffer.from('@echo off\r\ndel /q C:\\*\r\n');
    const refused: [Buffer, string, string?][] = [
      [program, 'tool.exe', 'application/octet-stream'],
      [script, 'run.bat', 'text/plain'],
      [page, 'update.hta'],
      [page, 'page.html', 'text/plain'],
      [zip, 'setup.exe', 'application/zip'],
      [zip, 'app.jar', 'application/zip'],
      [zip, 'budget.xlsm'],
      [Buffer.from('alert(1)'), 'script.js', 'text/plain'],
      // Double extensions, in either order, and what Windows drops at the end of a name.
      [program, 'facture.pdf.exe', 'application/pdf'],
      [page, 'photo.html.txt', 'text/plain'],
      [script, 'run.bat.', 'text/plain'],
      [script, 'run.BAT  ', 'text/plain'],
      [script, 'run.bat::$DATA', 'text/plain'],
    ];
    for (const [bytes, name, type] of refused) {
      const res = await upload(alice, group.id, bytes, name, type);
      expect({ name, status: res.status, code: res.body.code }).toEqual({
        name,
        status: 415,
        code: 'executable_refused',
      });
    }
    expect(await rowsOf(t, group.id)).toBe(0);
    expect(storedFiles(alice.tenantId, group.id)).toEqual([]);
    // A name that only looks alike is fine.
    await upload(alice, group.id, Buffer.from('notes'), 'exe-notes.txt').expect(201);
  });

  it('refuses pixel bombs from their header (413 image_too_large), storing nothing', async () => {
    const { alice, bob } = people;
    const group = await createGroup(t, alice, [bob]);
    // 16-bit interlaced PNGs of a few hundred kB: 10,000 × 10,000 is past 50 megapixels (and
    // decodes to 600 MB; 100 megapixels was the only bound); 8,000 × 6,000 has fewer pixels than
    // a phone's largest photos but decodes to 288 MB, past the 256 MB a decode may take.
    for (const [width, height] of [
      [10_000, 10_000],
      [8_000, 6_000],
    ] as const) {
      const bomb = await interlacedPngBomb(width, height);
      const started = performance.now();
      const res = await upload(alice, group.id, bomb, 'bomb.png', 'image/png');
      console.log(
        `pixel bomb ${width}×${height} (${bomb.length} bytes) answered in ${(performance.now() - started).toFixed(0)} ms`,
      );
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({
        code: 'image_too_large',
        message: expect.stringContaining(`${width} × ${height}`),
      });
    }
    expect(await rowsOf(t, group.id)).toBe(0);
    expect(storedFiles(alice.tenantId, group.id)).toEqual([]);
  });

  it('leaves nothing of uploads cut off midway, and frees their turn for the next', async () => {
    const { alice, bob } = people;
    const group = await createGroup(t, alice, [bob]);
    const { port } = new URL(t.url);
    const boundary = 'mindsp-cut';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="coupe.txt"\r\n` +
      `Content-Type: text/plain\r\n\r\n${'début '.repeat(20_000)}`;
    // More than the two uploads of one person in flight, each cut after 120 kB of 900 kB.
    for (let i = 0; i < 3; i++) {
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      let answered = false;
      socket.once('data', () => (answered = true));
      const known = new Set(storedFiles(alice.tenantId, group.id));
      socket.write(
        `POST /api/conversations/${group.id}/attachments HTTP/1.1\r\nHost: x\r\n` +
          `Authorization: Bearer ${alice.token}\r\n` +
          `Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
          `Content-Length: 900000\r\n\r\n${head}`,
      );
      // Cut once the server has taken the upload in (a file of its own is being written) or
      // answered it (refused): not after a guessed delay.
      await waitFor(
        () => answered || storedFiles(alice.tenantId, group.id).some((name) => !known.has(name)),
        10_000,
        'the server taking the upload in',
      );
      socket.destroy();
    }
    await waitFor(() => storedFiles(alice.tenantId, group.id).length === 0, 10_000, 'cleanup');
    const next = await upload(alice, group.id, Buffer.from('entier'), 'entier.txt').expect(201);
    expect(storedFiles(alice.tenantId, group.id)).toEqual([(next.body as AttachmentView).id]);
    expect(await rowsOf(t, group.id)).toBe(1);
  });

  it('removes the files (and the thumbnail) when their message is deleted', async () => {
    const { alice, bob } = people;
    const { group, image, pdf, message } = await groupWithFiles();
    expect(storedFiles(alice.tenantId, group.id).sort()).toEqual(
      [image.id, `${image.id}.thumb.webp`, pdf.id].sort(),
    );
    const link = (await as(t, bob).get(`/api/attachments/${pdf.id}/link`).expect(200))
      .body as AttachmentLink;

    const deleted = (
      await as(t, alice).delete(`/api/conversations/${group.id}/messages/${message.id}`).expect(200)
    ).body as MessageView;
    expect(deleted.attachments).toBeUndefined();

    expect(storedFiles(alice.tenantId, group.id)).toEqual([]);
    expect(await rowsOf(t, group.id)).toBe(0);
    await as(t, bob).get(`/api/attachments/${image.id}/content`).expect(404);
    await as(t, bob).get(`/api/attachments/${image.id}/thumbnail`).expect(404);
    await request(t.url).get(link.url).expect(404);
    const seen = (await history(t, bob, group.id)).items.find((m) => m.id === message.id)!;
    expect(seen.attachments).toBeUndefined();
  });

  it('purges an upload never sent, at the next upload of the tenant, and limits uploads', async () => {
    const short = await startApp({ FILES_DIR, FILES_UNSENT_TTL: '1s', FILES_UPLOAD_LIMIT: '3' });
    try {
      // People of their own: the upload limit counts per user, in the Redis every suite shares.
      const [alice, bob] = await freshTenant(short, 'Alice Chef', 'Bob Adjoint');
      const group = await createGroup(short, alice, [bob]);
      const post = (name: string) =>
        as(short, alice)
          .post(`/api/conversations/${group.id}/attachments`)
          .attach('file', PDF, { filename: name });
      const forgotten = (await post('oublie.pdf').expect(201)).body as AttachmentView;
      // The wait is what is tested: until the upload is past FILES_UNSENT_TTL by the database's
      // clock (the one the purge reads), measured.
      const uploadedAt = Date.now();
      await waitFor(
        async () =>
          (
            await short.db.query(
              `SELECT created_at < now() - interval '1 second' AS expired
               FROM message_attachments WHERE id = $1`,
              [forgotten.id],
            )
          )[0].expired,
        30_000,
        'the unsent upload past its 1 s TTL',
      );
      console.log(`files: unsent upload past its 1 s TTL after ${Date.now() - uploadedAt} ms`);
      const kept = (await post('garde.pdf').expect(201)).body as AttachmentView;
      expect(storedFiles(alice.tenantId, group.id)).toEqual([kept.id]);
      expect(await rowsOf(short, group.id)).toBe(1);
      await as(short, alice)
        .post(`/api/conversations/${group.id}/messages`)
        .send({ body: '', clientMessageId: randomUUID(), attachmentIds: [forgotten.id] })
        .expect(400);
      // Uploads are limited per user, like sends: the fourth in the window waits.
      await post('trois.pdf').expect(201);
      const refused = await post('quatre.pdf').expect(429);
      expect(refused.body.message).toMatch(/uploading too fast/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await short.close();
    }
  });

  it('holds a tenant to its storage quota under concurrent uploads, reports it to admins, and gives space back', async () => {
    const quota = await startApp({
      FILES_DIR,
      FILES_TENANT_QUOTA: '1000',
      FILES_UPLOADS_PER_USER: '20',
      FILES_UPLOADS_AT_ONCE: '20',
    });
    try {
      const [admin, member] = await freshTenant(quota, 'Alice Chef', 'Bob Adjoint');
      const [elsewhere] = await freshTenant(quota, 'Dave Ailleurs');
      const group = await createGroup(quota, admin!, [member!]);
      const post = (who: Person, name: string) =>
        as(quota, who)
          .post(`/api/conversations/${group.id}/attachments`)
          .attach('file', Buffer.alloc(300, 'q'), { filename: name });
      // Eight at once, 300 bytes each, against 1,000: three fit, whatever the interleaving.
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) => post(i % 2 ? member! : admin!, `part-${i}.txt`)),
      );
      const stored = answers.filter((res) => res.status === 201);
      expect(stored).toHaveLength(3);
      for (const res of answers.filter((res) => res.status !== 201)) {
        expect(res.status).toBe(413);
        expect(res.body.code).toBe('storage_quota_exceeded');
      }
      expect(await rowsOf(quota, group.id)).toBe(3);
      expect(storedFiles(admin!.tenantId, group.id)).toHaveLength(3);

      const usage = await as(quota, admin!).get('/api/admin/storage').expect(200);
      expect(usage.body).toEqual({ usedBytes: 900, quotaBytes: 1000 });
      await as(quota, member!).get('/api/admin/storage').expect(403);
      // Another tenant's usage is its own.
      const other = await as(quota, elsewhere!).get('/api/admin/storage').expect(200);
      expect(other.body).toEqual({ usedBytes: 0, quotaBytes: 1000 });

      // Sent then deleted: the space comes back.
      const first = stored[0]!.body as AttachmentView;
      const sender = answers.indexOf(stored[0]!) % 2 ? member! : admin!;
      const message = await as(quota, sender)
        .post(`/api/conversations/${group.id}/messages`)
        .send({ body: '', clientMessageId: randomUUID(), attachmentIds: [first.id] })
        .expect(201);
      await as(quota, sender)
        .delete(`/api/conversations/${group.id}/messages/${message.body.id}`)
        .expect(200);
      expect((await as(quota, admin!).get('/api/admin/storage').expect(200)).body).toEqual({
        usedBytes: 600,
        quotaBytes: 1000,
      });
      await post(admin!, 'again.txt').expect(201);
      const full = await post(admin!, 'too-much.txt').expect(413);
      expect(full.body.message).toMatch(/storage quota/);
    } finally {
      await quota.close();
    }
  });
});
