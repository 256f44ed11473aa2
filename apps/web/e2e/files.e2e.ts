import { readFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { callApi, createGroup, unique } from './api';
import { ALICE, BOB, openConversation, peopleSideBySide, send, storedMessage } from './messaging';
import { expectAccessible } from './accessibility';

/** A real PNG of one colour (no image library on this side: the format is simple enough). */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, no interlace
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.alloc(width * 3, Buffer.from([200, 30, 30])),
  ]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** The natural width of a loaded <img> (0 until it has loaded). */
const loadedWidth = (img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0);

describe('files in messages', () => {
  const { signedIn } = peopleSideBySide();

  it('shows the image Alice attaches as a thumbnail on both sides, and full size on click', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await createGroup(alice.page, `Photos ${unique()}`, ['Bob Durand']);
    await openConversation(alice.page, id);
    await openConversation(bob.page, id);

    await alice.page
      .getByTestId('attach-input')
      .setInputFiles({ name: 'sinistre.png', mimeType: 'image/png', buffer: png(800, 600) });
    await alice.page.locator('[data-testid="pending-upload"][data-status="ready"]').waitFor();
    const caption = `Façade nord ${unique()}`;
    await send(alice.page, caption);
    await alice.page.getByTestId('pending-upload').waitFor({ state: 'detached' });

    for (const page of [bob.page, alice.page]) {
      const thumbnail = storedMessage(page, caption).getByTestId('attachment-thumbnail');
      await thumbnail.waitFor();
      // The server's thumbnail (480 px wide), not the 800 px original.
      await expect.poll(() => thumbnail.evaluate(loadedWidth)).toBe(480);
      expect(await thumbnail.getAttribute('alt')).toBe('Image : sinistre.png');
    }
    await expectAccessible(alice.page, 'a conversation with an image');

    await storedMessage(bob.page, caption)
      .getByRole('button', { name: 'Voir sinistre.png en grand' })
      .click();
    const full = bob.page.getByTestId('image-viewer').locator('img');
    await expect.poll(() => full.evaluate(loadedWidth)).toBe(800);
    await bob.page.keyboard.press('Escape');
    await bob.page.getByTestId('image-viewer').waitFor({ state: 'detached' });
  });

  it('lets Bob download the PDF Alice sends alone, under its name', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const id = await createGroup(alice.page, `Rapports ${unique()}`, ['Bob Durand']);
    await openConversation(alice.page, id);
    await openConversation(bob.page, id);

    const name = `Compte rendu ${unique()}.pdf`;
    await alice.page
      .getByTestId('attach-input')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
    await alice.page.locator('[data-testid="pending-upload"][data-status="ready"]').waitFor();
    // No text: the file alone is sent.
    await alice.page.getByRole('button', { name: 'Envoyer', exact: true }).click();

    const chip = storedMessage(bob.page, name).getByTestId('attachment-file');
    await chip.waitFor();
    // In the list, a file sent alone reads as its name.
    await bob.page
      .getByTestId('conversation-preview')
      .filter({ hasText: `📎 ${name}` })
      .waitFor();
    expect(await chip.textContent()).toContain('Compte rendu');
    expect(await chip.getAttribute('aria-label')).toBe(`Télécharger ${name} (${PDF.length} o)`);
    const [download] = await Promise.all([bob.page.waitForEvent('download'), chip.click()]);
    expect(download.suggestedFilename()).toBe(name);
    expect(Buffer.compare(await readFile((await download.path())!), PDF)).toBe(0);
  });

  it('says why a file is refused, and sends nothing with it', async () => {
    const alice = await signedIn(ALICE);
    const id = await createGroup(alice.page, `Refus ${unique()}`, ['Bob Durand']);
    await openConversation(alice.page, id);

    await alice.page.getByTestId('attach-input').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    const failed = alice.page.locator('[data-testid="pending-upload"][data-status="failed"]');
    await failed.waitFor();
    expect(await failed.getByRole('alert').textContent()).toBe(
      'photo.png n’a pas pu être envoyé : ce type de fichier n’est pas accepté, ou son contenu ne correspond pas à son type',
    );
    expect(
      await alice.page.getByRole('button', { name: 'Envoyer', exact: true }).isDisabled(),
    ).toBe(true);
    await failed.getByRole('button', { name: 'Retirer photo.png' }).click();
    await failed.waitFor({ state: 'detached' });
  });

  it('uploads every file picked at once, though the server takes only a few at a time', async () => {
    const alice = await signedIn(ALICE);
    const id = await createGroup(alice.page, `Lot ${unique()}`, ['Bob Durand']);
    await openConversation(alice.page, id);
    // Six of 3 MB: more than the two uploads of one person the server streams at once.
    const files = Array.from({ length: 6 }, (_, i) => ({
      name: `releve-${i + 1}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.alloc(3 * 1024 * 1024, `Relevé ${i + 1}\n`),
    }));
    await alice.page.getByTestId('attach-input').setInputFiles(files);
    const uploads = alice.page.getByTestId('pending-upload');
    await expect.poll(() => uploads.count()).toBe(6);
    await expect
      .poll(
        () => alice.page.locator('[data-testid="pending-upload"][data-status="uploading"]').count(),
        {
          timeout: 60_000,
        },
      )
      .toBe(0);
    expect(
      await alice.page.locator('[data-testid="pending-upload"][data-status="ready"]').count(),
    ).toBe(6);
  });

  it("shows the admin how much of the organisation's file storage its files take", async () => {
    const alice = await signedIn(ALICE);
    const id = await createGroup(alice.page, `Stockage ${unique()}`, ['Bob Durand']);
    await openConversation(alice.page, id);
    await alice.page.getByTestId('attach-input').setInputFiles({
      name: 'inventaire.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await alice.page.locator('[data-testid="pending-upload"][data-status="ready"]').waitFor();
    const usage = await callApi<{ usedBytes: number; quotaBytes: number }>(
      alice.page,
      'GET',
      '/api/admin/storage',
    );
    expect(usage.usedBytes).toBeGreaterThanOrEqual(PDF.length);

    await alice.page.goto('/admin/people');
    const storage = alice.page.getByRole('region', { name: 'Stockage des fichiers' });
    await storage.waitFor();
    expect(await storage.getByTestId('storage-usage').textContent()).toMatch(
      /^[\d,]+ (o|Ko|Mo|Go) utilisés sur 10 Go \(\d+ %\)$/,
    );
    expect(Number(await storage.getByRole('meter').getAttribute('value'))).toBe(usage.usedBytes);
  });
});
