import { Inject, Injectable } from '@nestjs/common';
import sharp from 'sharp';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ConcurrencyGate } from './concurrency-gate';
import { FileRefusedException } from './file-errors';

// One libvips thread per image and no cache of decoded images: what bounds the CPU and memory of
// image work is how many are read at once (ImageReader's gate), not libvips' defaults (a thread
// per core for every image, and up to 50 MB of cached pixels kept between requests).
sharp.concurrency(1);
sharp.cache(false);

export interface ImageFacts {
  /** WebP, fits in THUMBNAIL_SIZE², never enlarged. */
  thumbnail: Buffer;
  /** Of the original, as shown (EXIF orientation applied). */
  width: number;
  height: number;
}

export type ImageLimits = AppConfig['files']['images'];

export const THUMBNAIL_SIZE = 480;

/** Bytes per sample of libvips' band formats (metadata's `depth`). */
const SAMPLE_BYTES: Record<string, number> = {
  uchar: 1,
  char: 1,
  ushort: 2,
  short: 2,
  uint: 4,
  int: 4,
  float: 4,
  double: 8,
  complex: 8,
  dpcomplex: 16,
};

const UNREADABLE = 'The image could not be read';

/**
 * Reads an image with sharp (libvips, in libuv's thread pool: never on the event loop): its size
 * and a thumbnail. A decompression bomb (a small file of huge dimensions or depth) is refused from
 * its header, before any pixel is decoded: past `maxPixels`, or when the decoded picture would
 * take more than `maxDecodeBytes` (a 16-bit interlaced PNG is decoded whole). A decode that still
 * runs past `timeoutSeconds` is stopped.
 */
export async function readImage(bytes: Buffer, limits: ImageLimits): Promise<ImageFacts> {
  const options = { limitInputPixels: limits.maxPixels, failOn: 'error' as const };
  // The header only (no pixel is decoded): unbounded here, so that a bomb is told as such.
  const meta = await sharp(bytes, { ...options, limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!meta?.width || !meta.height) throw new FileRefusedException('image_unreadable', UNREADABLE);
  const pixels = meta.width * meta.height;
  const decodeBytes = pixels * (meta.channels ?? 4) * (SAMPLE_BYTES[meta.depth ?? 'uchar'] ?? 8);
  if (pixels > limits.maxPixels || decodeBytes > limits.maxDecodeBytes) {
    throw new FileRefusedException(
      'image_too_large',
      `The image is too large to show (${meta.width} × ${meta.height} pixels; at most ` +
        `${(limits.maxPixels / 1e6).toFixed(0)} megapixels and ` +
        `${Math.round(limits.maxDecodeBytes / 1024 / 1024)} MB decoded)`,
    );
  }
  // Orientations 5 to 8 turn the picture a quarter: width and height swap on screen.
  const turned = (meta.orientation ?? 1) >= 5;
  try {
    const thumbnail = await sharp(bytes, options)
      .timeout({ seconds: limits.timeoutSeconds })
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
  } catch (error) {
    if (error instanceof Error && /timeout/i.test(error.message)) {
      throw new FileRefusedException('image_too_large', 'The image takes too long to read');
    }
    throw new FileRefusedException('image_unreadable', UNREADABLE);
  }
}

/**
 * The instance's image work, at most FILES_IMAGE_CONCURRENCY images at once: the bytes are
 * loaded inside the gate too, so what waits holds no memory. libuv's pool (4 threads) keeps
 * threads free for the file system and DNS the rest of the API needs.
 */
@Injectable()
export class ImageReader {
  private readonly gate: ConcurrencyGate;
  private readonly limits: ImageLimits;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = config.files.images;
    this.gate = new ConcurrencyGate(this.limits.concurrency);
  }

  read(load: () => Promise<Buffer>): Promise<ImageFacts> {
    return this.gate.run(async () => readImage(await load(), this.limits));
  }
}
