import { MESSAGING_LIMITS } from '@mindsp/contracts';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { isObservable, type Observable } from 'rxjs';
import type { ServerOptions, Socket } from 'socket.io';
import type { AppConfig } from '../config/config';
import type { AppServer } from './socket-types';

/** The adapter's Redis channel prefix: the worker's emitter publishes on it too. */
export const SOCKET_ADAPTER_KEY = 'mindsp-socket';

const logger = new Logger('Socket');

/**
 * Socket.IO on the API's own port, with the Redis adapter, so a broadcast (or a
 * `disconnectSockets`) from any API instance reaches sockets on all of them. What happens to a
 * socket (authentication, limits, rooms, heartbeat) is ConnectionGateway's.
 */
export class AppSocketAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
    this.pub = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    this.sub = this.pub.duplicate();
    this.pub.on('error', () => undefined);
    this.sub.on('error', () => undefined);
  }

  override createIOServer(port: number, options?: ServerOptions): AppServer {
    const server: AppServer = super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.webOrigins, credentials: true },
      // Over the 64 kB limit a payload gets a clear ack error from the gateway, so the transport
      // lets it through up to 1 MB; only past that (no client of ours sends it) does socket.io
      // drop the connection, which bounds the memory one frame can take.
      maxHttpBufferSize: MESSAGING_LIMITS.socketPayloadBytes * 16,
    });
    server.adapter(createAdapter(this.pub, this.sub, { key: SOCKET_ADAPTER_KEY }));
    return server;
  }

  /**
   * Nest's own version builds an RxJS chain per socket and per event name (fromEvent, mergeMap,
   * takeUntil a shared disconnect stream, a subscription), for every gateway: most of what an idle
   * connection held beyond Socket.IO's own. Here a socket holds one plain listener per event, and
   * the observable exists only while an event is being handled. Same contract: the handler's
   * result goes to the ack (or is emitted when it is `{ event, data }`).
   */
  override bindMessageHandlers(
    socket: Socket,
    handlers: {
      message: string;
      callback: (...args: unknown[]) => unknown;
      isAckHandledManually: boolean;
    }[],
    transform: (data: unknown) => Observable<unknown>,
  ) {
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message, (...args: unknown[]) => {
        const { data, ack } = this.mapPayload(args.length > 1 ? args : args[0]);
        const result = transform(callback(data, ack));
        if (!isObservable(result)) return;
        result.subscribe({
          next: (response) => {
            if (response === null || response === undefined) return;
            const emitted = response as { event?: string; data?: unknown };
            if (emitted.event) return void socket.emit(emitted.event, emitted.data);
            if (!isAckHandledManually && typeof ack === 'function') ack(response);
          },
          // Handlers answer through SocketRequest and do not throw; one that does must not end the process.
          error: (error: unknown) => logger.error(error),
        });
      });
    }
  }

  override async close(server: AppServer) {
    await super.close(server);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
