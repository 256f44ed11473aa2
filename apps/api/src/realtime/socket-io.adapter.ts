import { MESSAGING_LIMITS, type Ack } from '@mindsp/contracts';
import type { INestApplicationContext } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { ServerOptions } from 'socket.io';
import type { AccessTokenPayload } from '../auth/authenticated-user';
import type { AppConfig } from '../config/config';
import type { AppServer } from './socket-types';

const FLOODED: Ack<never> = {
  ok: false,
  error: { code: 'rate_limited', message: 'Too many events from this connection; slow down' },
};

/**
 * Socket.IO on the API's own port, with:
 * - the Redis adapter, so a broadcast from any API instance reaches sockets on all of them;
 * - authentication in the handshake (`auth: { token }`), refused with `connect_error: unauthorized`;
 * - sockets closed once their access token expires (clients reconnect with a fresh one).
 */
export class AppSocketAdapter extends IoAdapter {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private sweep?: NodeJS.Timeout;

  constructor(
    private readonly app: INestApplicationContext,
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
    server.adapter(createAdapter(this.pub, this.sub, { key: 'mindsp-socket' }));

    const jwt = this.app.get(JwtService);
    // In memory: a socket lives on one instance, and so does its count.
    const floods = new RateLimiterMemory({
      points: this.config.socketEventLimit.points,
      duration: this.config.socketEventLimit.windowSeconds,
    });
    server.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      if (typeof token !== 'string' || !token) return next(new Error('unauthorized'));
      try {
        const payload = jwt.verify<AccessTokenPayload & { exp: number }>(token, {
          algorithms: ['HS256'],
        });
        socket.data.user = { id: payload.sub, tenantId: payload.tid, role: payload.role };
        socket.data.expiresAt = payload.exp;
        socket.use(([, ...args], nextPacket) => {
          floods.consume(socket.id).then(
            () => nextPacket(),
            () => {
              // Refused with the contract's ack; the connection stays open.
              const ack = args[args.length - 1];
              if (typeof ack === 'function') ack(FLOODED);
            },
          );
        });
        next();
      } catch {
        next(new Error('unauthorized'));
      }
    });

    this.sweep = setInterval(() => {
      const now = Date.now() / 1000;
      for (const socket of server.of('/').sockets.values()) {
        if (socket.data.expiresAt <= now) socket.disconnect(true);
      }
    }, this.config.socketExpirySweepSeconds * 1000);
    this.sweep.unref();
    return server;
  }

  override async close(server: AppServer) {
    clearInterval(this.sweep);
    await super.close(server);
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
