import busboy from 'busboy';
import type { Request } from 'express';
import { PassThrough, Readable } from 'node:stream';
import { badField } from '../common/bad-request';
import { FileRefusedException } from './file-errors';

/** The one file of an upload, as it arrives: nothing of it is held beyond what is being read. */
export interface IncomingFile {
  /** As the client sent it: sanitise before use. */
  filename: string;
  /** The client's claim, never trusted alone. */
  mimeType: string;
  /** The bytes; fails with `file_too_large` past the limit. Destroy it to refuse the rest. */
  stream: Readable;
}

const REQUIRED = 'file is required (multipart/form-data, field "file")';

/**
 * An upload whose client sends nothing for this long is cut: a slot of the few uploads in flight
 * (see UploadSlots) is not held by a stalled or trickling connection until Node's own 5 minutes.
 */
export const UPLOAD_IDLE_MS = 30_000;

/**
 * The file part named "file" of a multipart request, as a stream (busboy). Anything else in the
 * request (fields, other parts) is dropped. Once the file's stream is destroyed before its end
 * (a refusal), the rest of the request is read and discarded, so the connection stays usable.
 */
export function incomingFile(
  req: Request,
  maxBytes: number,
  idleMs = UPLOAD_IDLE_MS,
): Promise<IncomingFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send names in UTF-8; busboy would read them as Latin-1 ("Ã©" for "é").
        defParamCharset: 'utf8',
        limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 },
      });
    } catch {
      return reject(badField('file', REQUIRED));
    }
    let out: PassThrough | null = null;
    const drain = () => {
      req.unpipe(parser);
      req.resume();
    };
    const cutOff = (message: string) => {
      const error = badField('file', message);
      if (out) out.destroy(error);
      else reject(error);
    };
    // A request that ends before its body did (client gone, connection cut) ends nothing that it
    // is piped into: the file must fail here, or its upload would wait forever.
    req.on('close', () => {
      if (!req.complete) cutOff('The upload was cut off before its end');
    });
    // Idle, the connection goes (and the file with it, above).
    req.setTimeout(idleMs, () => req.destroy());
    parser.on('close', () => req.setTimeout(0));
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        return;
      }
      out = new PassThrough();
      // Its failures reach whoever reads it (the read rejects); none may go unhandled meanwhile
      // (past the limit before the reader started: an 'error' event nobody listens to).
      out.on('error', () => undefined);
      stream.on('limit', () => {
        const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
        out!.destroy(
          new FileRefusedException(
            'file_too_large',
            `The file is too large (at most ${megabytes} MB)`,
          ),
        );
      });
      stream.pipe(out);
      out.on('close', () => {
        if (!out!.readableEnded) drain();
      });
      resolve({ filename: info.filename ?? '', mimeType: info.mimeType, stream: out });
    });
    parser.on('error', (error: Error) => {
      drain();
      cutOff(`The upload could not be read (${error.message})`);
    });
    parser.on('close', () => {
      if (!out) reject(badField('file', REQUIRED));
    });
    req.pipe(parser);
  });
}

/**
 * The first `size` bytes (or all, when fewer): what types are told apart by. The stream handed
 * back yields them again, then the rest, and counts every byte into `counted.bytes`.
 */
export async function withHead(
  source: Readable,
  size: number,
): Promise<{ head: Buffer; whole: Readable; counted: { bytes: number } }> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size && !done) {
    const next = await chunks.next();
    if (next.done) done = true;
    else {
      first.push(next.value);
      length += next.value.length;
    }
  }
  const head = Buffer.concat(first);
  const counted = { bytes: 0 };
  async function* all() {
    counted.bytes += head.length;
    yield head;
    while (!done) {
      const next = await chunks.next();
      if (next.done) return;
      counted.bytes += next.value.length;
      yield next.value;
    }
  }
  return { head: head.subarray(0, size), whole: Readable.from(all()), counted };
}
