import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

interface Pair {
  client: Socket;
  server?: Socket;
}

/**
 * A TCP proxy in front of a server (PostgreSQL here), that a test can cut. `blackhole()` is a
 * network partition: bytes are dropped both ways and nothing is closed, so a client waits on a
 * statement or a connection that never answers (what timeouts exist for); `restore()` heals it,
 * and a side closed during the partition is then closed on the other side too.
 */
export class TcpProxy {
  private server!: Server;
  private readonly pairs = new Set<Pair>();
  private cut = false;

  private constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target.host, target.port);
    proxy.server = createServer((client) => proxy.accept(client));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port() {
    return (this.server.address() as AddressInfo).port;
  }

  blackhole() {
    this.cut = true;
  }

  restore() {
    this.cut = false;
    for (const pair of this.pairs) {
      // Accepted during the partition: never reached the server; its client gave up long ago.
      if (!pair.server || pair.client.destroyed || pair.server.destroyed) this.end(pair);
    }
  }

  async close() {
    for (const pair of this.pairs) this.end(pair);
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket) {
    const pair: Pair = { client };
    this.pairs.add(pair);
    client.on('error', () => undefined);
    client.on('close', () => !this.cut && this.end(pair));
    if (this.cut) return;
    const server = connect(this.targetPort, this.targetHost);
    pair.server = server;
    server.on('error', () => undefined);
    server.on('close', () => !this.cut && this.end(pair));
    client.on('data', (data) => !this.cut && server.write(data));
    server.on('data', (data) => !this.cut && client.write(data));
  }

  private end(pair: Pair) {
    pair.client.destroy();
    pair.server?.destroy();
    this.pairs.delete(pair);
  }
}
