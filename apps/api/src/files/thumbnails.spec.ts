import sharp from 'sharp';
import { FileRefusedException } from './file-errors';
import { readImage, type ImageLimits } from './thumbnails';

const LIMITS: ImageLimits = {
  maxPixels: 1000,
  maxDecodeBytes: 4000,
  concurrency: 1,
  timeoutSeconds: 10,
};

function png(side: number, sixteenBits = false): Promise<Buffer> {
  const image = sharp({
    create: { width: side, height: side, channels: 3, background: { r: 9, g: 99, b: 199 } },
  });
  return (sixteenBits ? image.toColourspace('rgb16') : image).png().toBuffer();
}

async function refusal(bytes: Buffer): Promise<{ status: number; code: string }> {
  const error = await readImage(bytes, LIMITS).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof FileRefusedException)) throw new Error('not refused');
  return { status: error.getStatus(), code: error.code };
}

describe('readImage', () => {
  it('reads an image within the bounds: its size and a WebP thumbnail', async () => {
    const facts = await readImage(await png(30), LIMITS);
    expect({ width: facts.width, height: facts.height }).toEqual({ width: 30, height: 30 });
    expect((await sharp(facts.thumbnail).metadata()).format).toBe('webp');
  });

  it('refuses from the header an image past the pixels, or past the memory its decoding takes', async () => {
    // 40 × 40 = 1,600 pixels > 1,000.
    expect(await refusal(await png(40))).toEqual({ status: 413, code: 'image_too_large' });
    // 30 × 30 in 16 bits: 900 pixels, but 5,400 bytes decoded > 4,000 (in 8 bits: 2,700, read).
    const deep = await png(30, true);
    expect((await sharp(deep).metadata()).depth).toBe('ushort');
    expect(await refusal(deep)).toEqual({ status: 413, code: 'image_too_large' });
  });

  it('refuses bytes that are no image (415)', async () => {
    const broken = Buffer.concat([(await png(30)).subarray(0, 16), Buffer.alloc(64)]);
    expect(await refusal(broken)).toEqual({ status: 415, code: 'image_unreadable' });
  });
});
