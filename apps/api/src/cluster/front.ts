import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { createProxyServer } from 'http-proxy-3';
import { LISTEN_BACKLOG } from '../boot';

/** Names the instance a browser's long-polling Socket.IO requests must keep reaching. */
const STICKY_COOKIE = 'mindsp_instance';
const PROBE_EVERY_MS = 500;

interface Backend {
  url: URL;
  alive: boolean;
}

export interface Front {
  server: Server;
  /** The front's own URL, once listening. */
  url: string;
  /** Which instances the front currently sends to (by their URL). */
  alive(): string[];
  close(): Promise<void>;
}

/**
 * The small front of a cluster on one machine: one port for clients, connections spread over the
 * API instances in turn, an instance that stops answering left out until it answers again.
 *
 * REST is stateless, and a WebSocket lives on the one TCP connection it was upgraded on, so
 * neither needs stickiness. A browser's Socket.IO starts with HTTP long-polling, though, whose
 * requests must reach the instance that holds the session: those requests (under /socket.io/
 * only) follow a cookie naming that instance. A client whose instance died comes back through
 * here to another one, and catches up with `sync`.
 */
export async function startFront(
  backendUrls: string[],
  { port = 0, host = '127.0.0.1' } = {},
): Promise<Front> {
  const backends: Backend[] = backendUrls.map((url) => ({ url: new URL(url), alive: true }));
  let next = 0;
  const proxy = createProxyServer({ xfwd: true });

  /** The instance a new connection goes to: the next live one in turn. */
  const pick = (): number | undefined => {
    for (let tried = 0; tried < backends.length; tried++) {
      const index = next++ % backends.length;
      if (backends[index]!.alive) return index;
    }
    return undefined;
  };

  const sticky = (req: IncomingMessage): number | undefined => {
    if (!req.url?.startsWith('/socket.io/')) return undefined;
    const match = new RegExp(`(?:^|;\\s*)${STICKY_COOKIE}=(\\d+)`).exec(req.headers.cookie ?? '');
    const index = match ? Number(match[1]) : undefined;
    return index !== undefined && backends[index]?.alive ? index : undefined;
  };

  const down = (index: number) => {
    backends[index]!.alive = false;
  };

  const web = (req: IncomingMessage, res: ServerResponse) => {
    const index = sticky(req) ?? pick();
    if (index === undefined) return refuse(res, 503, 'No API instance is up');
    if (req.url?.startsWith('/socket.io/')) {
      res.setHeader(
        'Set-Cookie',
        `${STICKY_COOKIE}=${index}; Path=/socket.io/; HttpOnly; SameSite=Lax`,
      );
    }
    proxy.web(req, res, { target: backends[index]!.url }, (error) => {
      down(index);
      if (!res.headersSent) refuse(res, 502, `API instance unreachable (${error.message})`);
      else res.destroy();
    });
  };

  const server = createServer(web);
  // Upgraded connections leave the HTTP server's books: kept here, so close() ends them too.
  const upgraded = new Set<Socket>();
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    socket.on('error', () => socket.destroy());
    const index = pick();
    if (index === undefined) return void socket.destroy();
    proxy.ws(req, socket, head, { target: backends[index]!.url }, () => {
      down(index);
      socket.destroy();
    });
  });
  // An error on a connection that is already proxied (an instance killed mid-stream): drop it;
  // the client reconnects, through here, to a live instance.
  proxy.on('error', () => undefined);

  // Instances are probed with a bare TCP connect: /api/health says 503 while Redis is down, yet
  // the instance still serves (and must, for sends to go on being stored).
  const probe = setInterval(() => {
    backends.forEach((backend) => {
      const socket = connect(Number(backend.url.port), backend.url.hostname);
      socket.setTimeout(PROBE_EVERY_MS);
      socket.once('connect', () => {
        backend.alive = true;
        socket.destroy();
      });
      const lost = () => {
        backend.alive = false;
        socket.destroy();
      };
      socket.once('error', lost);
      socket.once('timeout', lost);
    });
  }, PROBE_EVERY_MS);
  probe.unref();

  await new Promise<void>((resolve) => server.listen(port, host, LISTEN_BACKLOG, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${bound}`,
    alive: () => backends.filter((b) => b.alive).map((b) => b.url.toString()),
    close: async () => {
      clearInterval(probe);
      server.closeAllConnections();
      for (const socket of upgraded) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      proxy.close();
    },
  };
}

function refuse(res: ServerResponse, statusCode: number, message: string) {
  res.writeHead(statusCode, { 'Content-Type': 'application/json' });
  const error = statusCode === 502 ? 'Bad Gateway' : 'Service Unavailable';
  res.end(JSON.stringify({ statusCode, error, message }));
}
