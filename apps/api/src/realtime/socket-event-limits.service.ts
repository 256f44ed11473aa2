import type { AckError } from '@mindsp/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import { refusalsOf, secondsBeforeNext } from '../common/too-many-requests';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';
import type { AppSocket } from './socket-types';

/**
 * What one socket, and one user over all their sockets, may send per SOCKET_EVENT_WINDOW:
 * - events per socket, in memory: a socket lives on one instance, and so does its count;
 * - events and bytes per user, in Redis: a user's sockets (20 tabs) may sit on several instances,
 *   and a per-instance count would multiply the budget by the number of instances. Once a user is
 *   over, the key is also blocked in memory, so a flood costs no Redis round trip per event.
 * A refused event gets a `rate_limited` ack with the wait, and never reaches its handler; the
 * connection stays open, unless it goes on sending a whole byte budget while refused.
 */
@Injectable()
export class SocketEventLimitsService {
  private readonly logger = new Logger(SocketEventLimitsService.name);
  private readonly perSocket: RateLimiterMemory;
  private readonly eventsPerUser: RateLimiterRedis;
  private readonly bytesPerUser: RateLimiterRedis;
  private readonly bytesBudget: number;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const { points, windowSeconds } = config.socketEventLimit;
    const { events, bytes } = config.userSocketLimit;
    this.perSocket = new RateLimiterMemory({ points, duration: windowSeconds });
    const perUser = (keyPrefix: string, limit: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix,
        points: limit,
        duration: config.userSocketLimit.windowSeconds,
        inMemoryBlockOnConsumed: limit + 1,
        // Redis restarting: counted in this instance's memory meanwhile, at once, instead of each
        // event waiting for a reconnection attempt before going through.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({
          points: limit,
          duration: config.userSocketLimit.windowSeconds,
        }),
      });
    this.eventsPerUser = perUser('socket-events', events);
    this.bytesPerUser = perUser('socket-bytes', bytes);
    this.bytesBudget = bytes;
  }

  /** Counts every event `socket` sends from now on, and refuses those over a limit. */
  watch(socket: AppSocket) {
    // Frame sizes are read off the transport, before decoding: free, and exact for what arrived.
    let unbilledBytes = 0;
    socket.conn.on('packet', (packet: { type: string; data?: string | Buffer }) => {
      if (packet.type !== 'message' || packet.data === undefined) return;
      // String length for text frames: UTF-16 units, the size of the JSON near enough.
      unbilledBytes += packet.data.length;
    });
    let refusedBytes = 0;
    socket.use(([, ...args], next) => {
      const bytes = unbilledBytes;
      unbilledBytes = 0;
      this.admit(socket.id, socket.data.user.id, bytes).then(
        (refusal) => {
          if (!refusal) {
            refusedBytes = 0;
            return next();
          }
          const ack = args[args.length - 1];
          if (typeof ack === 'function') ack({ ok: false, error: refusal });
          // Reading and parsing the frames is most of what a flood costs, refused or not; a
          // client that sends a whole budget more after being told to wait (ours waits) is
          // cut off, or it could keep the event loop busy with refusals.
          refusedBytes += bytes;
          if (refusedBytes > this.bytesBudget) socket.disconnect(true);
        },
        (error: unknown) => {
          // Redis unreachable: the event goes through rather than failing every user.
          this.logger.warn(`Socket limits not checked: ${String(error)}`);
          next();
        },
      );
    });
  }

  private async admit(socketId: string, userId: string, bytes: number): Promise<AckError | null> {
    const bySocket = refusalsOf(await Promise.allSettled([this.perSocket.consume(socketId)]));
    if (bySocket.length) {
      return refused('Too many events from this connection; slow down', bySocket);
    }
    const [byEvents, byBytes] = await Promise.allSettled([
      this.eventsPerUser.consume(userId),
      bytes > 0 ? this.bytesPerUser.consume(userId, bytes) : Promise.resolve(),
    ]);
    const overBytes = refusalsOf([byBytes]);
    if (overBytes.length) return refused('Too much data sent; slow down', overBytes);
    const overEvents = refusalsOf([byEvents]);
    if (overEvents.length) return refused('Too many events from your connections', overEvents);
    return null;
  }
}

function refused(message: string, refusals: RateLimiterRes[]): AckError {
  const retryAfterSeconds = secondsBeforeNext(refusals);
  return {
    code: 'rate_limited',
    message: `${message} (wait ${retryAfterSeconds} s)`,
    retryAfterSeconds,
  };
}
