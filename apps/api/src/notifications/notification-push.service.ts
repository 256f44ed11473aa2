import type { NotificationView, ServerEvents } from '@mindsp/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { rooms } from '../realtime/rooms';
import { SOCKET_ADAPTER_KEY } from '../realtime/socket-io.adapter';

/**
 * Pushes from the worker process, which has no socket server: it publishes on the Redis channel of
 * the API instances' adapter, and each instance emits to its sockets in the user's room.
 */
@Injectable()
export class NotificationPushService {
  private readonly emitter: Emitter<ServerEvents>;

  constructor(@Inject(REDIS) redis: Redis) {
    this.emitter = new Emitter<ServerEvents>(redis, { key: SOCKET_ADAPTER_KEY });
  }

  created(userId: string, notification: NotificationView) {
    this.emitter.to(rooms.user(userId)).emit('notification:new', notification);
  }

  /** The user's tabs drop these from their unread count. */
  read(userId: string, ids: string[]) {
    if (ids.length) this.emitter.to(rooms.user(userId)).emit('notification:read', { ids });
  }
}
