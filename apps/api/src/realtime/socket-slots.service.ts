import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';

/** Frees expired slots, then takes one if the user holds fewer than the cap: atomic, so N
 * concurrent connects cannot all see "19" and all pass. */
const CLAIM = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
return 1`;

const slotsKey = (userId: string) => `socket-slots:${userId}`;

export interface SocketSlot {
  socketId: string;
  userId: string;
}

/**
 * At most SOCKETS_PER_USER open sockets per user, over every API instance. Each socket holds a
 * slot in Redis scored by its expiry; instances refresh their sockets' slots on every heartbeat,
 * so the slots of a crashed instance free themselves after PRESENCE_TTL.
 */
@Injectable()
export class SocketSlotsService {
  private readonly ttlMs: number;
  readonly perUser: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.presenceTtlSeconds * 1000;
    this.perUser = config.socketsPerUser;
  }

  async claim({ socketId, userId }: SocketSlot): Promise<boolean> {
    const now = Date.now();
    const claimed = await this.redis.eval(
      CLAIM,
      1,
      slotsKey(userId),
      socketId,
      now,
      now + this.ttlMs,
      this.perUser,
    );
    return claimed === 1;
  }

  async release({ socketId, userId }: SocketSlot): Promise<void> {
    await this.redis.zrem(slotsKey(userId), socketId);
  }

  async refresh(slots: SocketSlot[]): Promise<void> {
    if (!slots.length) return;
    const expiry = Date.now() + this.ttlMs;
    const pipeline = this.redis.pipeline();
    for (const { socketId, userId } of slots) {
      pipeline.zadd(slotsKey(userId), expiry, socketId).pexpireat(slotsKey(userId), expiry);
    }
    await pipeline.exec();
  }
}
