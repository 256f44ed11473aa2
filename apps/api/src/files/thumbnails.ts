import sharp from 'sharp';

export interface ImageFacts {
  /** WebP, fits in THUMBNAIL_SIZE², never enlarged. */
  thumbnail: Buffer;
  /** Of the original, as shown (EXIF orientation applied). */
  width: number;
  height: number;
}

export const THUMBNAIL_SIZE = 480;

/** A decompression bomb (a small file of huge dimensions) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 100_000_000;

/**
 * Reads an image with sharp (libvips): its size, and a thumbnail. Null when the bytes are not an
 * image sharp can decode, whatever their signature said.
 */
export async function readImage(bytes: Buffer): Promise<ImageFacts | null> {
  try {
    const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const };
    const meta = await sharp(bytes, options).metadata();
    if (!meta.width || !meta.height) return null;
    // Orientations 5 to 8 turn the picture a quarter: width and height swap on screen.
    const turned = (meta.orientation ?? 1) >= 5;
    const thumbnail = await sharp(bytes, options)
      .rotate()
      .resize({
        width: THUMBNAIL_SIZE,
        height: THUMBNAIL_SIZE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .webp({ quality: 78 })
      .toBuffer();
    return {
      thumbnail,
      width: turned ? meta.height : meta.width,
      height: turned ? meta.width : meta.height,
    };
  } catch {
    return null;
  }
}
