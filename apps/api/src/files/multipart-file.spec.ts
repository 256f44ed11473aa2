import type { Request } from 'express';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { incomingFile, withHead, type IncomingFile } from './multipart-file';

const BOUNDARY = 'mindsp-boundary';

function part(name: string, body: string) {
  return (
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
    `Content-Type: text/plain\r\n\r\n${body}`
  );
}

/** A real HTTP server handing each request to `incomingFile`, what each turns into to `next`. */
async function serve(maxBytes: number, idleMs: number) {
  type Outcome = Promise<{ file: IncomingFile; content: Promise<string> }>;
  const waiting: ((outcome: Outcome) => void)[] = [];
  /** What the next request to arrive turns into. */
  const next = () => new Promise<Outcome>((resolve) => waiting.push(resolve));
  const server: Server = createServer((req, res) => {
    const outcome = incomingFile(req as Request, maxBytes, idleMs).then((file) => ({
      file,
      content: text(file.stream),
    }));
    waiting.shift()!(outcome);
    outcome
      .then(({ content }) => content)
      .then(
        () => res.end('ok'),
        () => res.end('refused'),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, next, port: (server.address() as AddressInfo).port };
}

/** Sends the request's head and `body`, and leaves the connection open. */
function sendRaw(port: number, body: string, length: number) {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  socket.write(
    `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
      `Content-Length: ${length}\r\n\r\n${body}`,
  );
  return socket;
}

describe('incomingFile', () => {
  it('streams the file part, and fails it past the size limit', async () => {
    const { server, next, port } = await serve(10, 5_000);
    try {
      const small = part('a.txt', 'bonjour') + `\r\n--${BOUNDARY}--\r\n`;
      const arrived = next();
      sendRaw(port, small, small.length).end();
      const first = await await arrived;
      expect(first.file.filename).toBe('a.txt');
      expect(await first.content).toBe('bonjour');

      const big = part('b.txt', 'x'.repeat(50)) + `\r\n--${BOUNDARY}--\r\n`;
      const second = next();
      sendRaw(port, big, big.length).end();
      await expect((await await second).content).rejects.toMatchObject({ code: 'file_too_large' });
    } finally {
      server.close();
    }
  });

  it('cuts an upload whose client goes silent', async () => {
    const { server, next, port } = await serve(1_000_000, 200);
    try {
      const started = part('slow.txt', 'début…');
      const arrived = next();
      const socket = sendRaw(port, started, started.length + 100_000);
      const { content } = await await arrived;
      await expect(content).rejects.toThrow();
      socket.destroy();
    } finally {
      server.close();
    }
  });
});

describe('withHead', () => {
  it('gives the first bytes, then all of them again, counted', async () => {
    const { Readable } = await import('node:stream');
    const source = Readable.from([Buffer.from('abc'), Buffer.from('def'), Buffer.from('ghi')]);
    const { head, whole, counted } = await withHead(source, 4);
    expect(head.toString()).toBe('abcd');
    expect(await text(whole)).toBe('abcdefghi');
    expect(counted.bytes).toBe(9);
  });
});
