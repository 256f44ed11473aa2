import type { PresenceView } from '@mindsp/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';
import { TenantDatabase } from '../database/tenant-database';
import type { User } from '../users/user.entity';
import { LastSeenWriterService } from './last-seen-writer.service';
import { UsersRepository } from '../users/users.repository';

/**
 * Who is online, in Redis so that every API instance sees the same answer.
 * - `presence:sockets:<user>`: the user's open sockets (any tab, any instance), scored by expiry;
 * - `presence:online:<tenant>`: the tenant's online users, scored by their latest socket expiry;
 * - `presence:all`: every `<tenant>:<user>` online, for the sweep that ends crashed instances' ghosts.
 * Instances refresh the expiry of their sockets; a crashed instance stops refreshing, and its
 * users go offline once the expiry passes.
 */
const CONNECT = `
local was = redis.call('ZCOUNT', KEYS[1], ARGV[4], '+inf')
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], 'GT', ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[3], 'GT', ARGV[3], ARGV[5])
if was == 0 then return 1 else return 0 end`;

const DISCONNECT = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
redis.call('ZREM', KEYS[3], ARGV[4])
return redis.call('ZREM', KEYS[2], ARGV[2])`;

/** Removes an expired entry once, whichever instance's sweep gets there first. */
const EXPIRE = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) > tonumber(ARGV[3]) then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[3])
return 1`;

const keys = {
  sockets: (userId: string) => `presence:sockets:${userId}`,
  online: (tenantId: string) => `presence:online:${tenantId}`,
  all: 'presence:all',
};

export interface PresenceSocket {
  socketId: string;
  userId: string;
  tenantId: string;
}

@Injectable()
export class PresenceService {
  private readonly ttlMs: number;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly tenantDb: TenantDatabase,
    private readonly users: UsersRepository,
    private readonly lastSeen: LastSeenWriterService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.presenceTtlSeconds * 1000;
  }

  /** Records a socket; true when it is the user's first (they just came online). */
  async connect({ socketId, userId, tenantId }: PresenceSocket): Promise<boolean> {
    const now = Date.now();
    const cameOnline = await this.redis.eval(
      CONNECT,
      3,
      keys.sockets(userId),
      keys.online(tenantId),
      keys.all,
      socketId,
      userId,
      now + this.ttlMs,
      now,
      `${tenantId}:${userId}`,
    );
    return cameOnline === 1;
  }

  /** Forgets a socket; when it was the user's last, records when they were last seen. */
  async disconnect({ socketId, userId, tenantId }: PresenceSocket): Promise<PresenceView | null> {
    const wentOffline = await this.redis.eval(
      DISCONNECT,
      3,
      keys.sockets(userId),
      keys.online(tenantId),
      keys.all,
      socketId,
      userId,
      Date.now(),
      `${tenantId}:${userId}`,
    );
    if (wentOffline !== 1) return null;
    const seen = await this.markSeen(tenantId, userId);
    // A page reload: the new socket may have connected while lastSeenAt was written, and its
    // connect already announced the user online. An offline sent now would arrive after that and
    // stick. Redis answers this instance's commands in order, so either the connect came first
    // (seen here: stay quiet) or its online goes out after this offline.
    if ((await this.redis.zcount(keys.sockets(userId), Date.now(), '+inf')) > 0) return null;
    return seen;
  }

  /** Keeps this instance's sockets alive. */
  async refresh(sockets: PresenceSocket[]): Promise<void> {
    if (!sockets.length) return;
    const expiry = Date.now() + this.ttlMs;
    const pipeline = this.redis.pipeline();
    for (const { socketId, userId, tenantId } of sockets) {
      pipeline.zadd(keys.sockets(userId), expiry, socketId).pexpireat(keys.sockets(userId), expiry);
      pipeline.zadd(keys.online(tenantId), 'GT', expiry, userId);
      pipeline.zadd(keys.all, 'GT', expiry, `${tenantId}:${userId}`);
    }
    await pipeline.exec();
  }

  /** Users whose sockets all expired (their instance died): offline now. Returns them, by tenant. */
  async expire(): Promise<{ tenantId: string; presence: PresenceView }[]> {
    const now = Date.now();
    const stale = await this.redis.zrangebyscore(keys.all, '-inf', now);
    const gone: { tenantId: string; presence: PresenceView }[] = [];
    for (const entry of stale) {
      const [tenantId, userId] = entry.split(':') as [string, string];
      const removed = await this.redis.eval(
        EXPIRE,
        3,
        keys.all,
        keys.online(tenantId),
        keys.sockets(userId),
        entry,
        userId,
        now,
      );
      if (removed === 1) gone.push({ tenantId, presence: await this.markSeen(tenantId, userId) });
    }
    return gone;
  }

  /** Those of `ids` who are people of the tenant, with when they were last seen. */
  peopleOf(tenantId: string, ids: string[]): Promise<Pick<User, 'id' | 'lastSeenAt'>[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.tenantDb.transaction(tenantId, (tx) => this.users.lastSeenOf(tx, tenantId, ids));
  }

  /** Ids of the tenant's people online now (O(online), read by the paginated online list). */
  onlineIds(tenantId: string): Promise<string[]> {
    return this.redis.zrangebyscore(keys.online(tenantId), Date.now(), '+inf');
  }

  /** Online state and last seen of the given users of one tenant. */
  async of(
    tenantId: string,
    users: Pick<User, 'id' | 'lastSeenAt'>[],
  ): Promise<Map<string, PresenceView>> {
    const scores = users.length
      ? await this.redis.zmscore(keys.online(tenantId), ...users.map((u) => u.id))
      : [];
    const now = Date.now();
    return new Map(
      users.map((user, i) => [
        user.id,
        {
          userId: user.id,
          online: Number(scores[i] ?? 0) > now,
          lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
        },
      ]),
    );
  }

  /**
   * Which of these users have a socket open now, on any instance: a socket counts while its expiry
   * is ahead (read straight from each user's sockets, so the worker can ask too).
   */
  async connected(userIds: string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const now = Date.now();
    const pipeline = this.redis.pipeline();
    for (const userId of userIds) pipeline.zcount(keys.sockets(userId), now, '+inf');
    const counts = (await pipeline.exec()) ?? [];
    return new Set(
      userIds.filter((_, i) => {
        const [error, count] = counts[i] ?? [];
        if (error) throw error;
        return Number(count) > 0;
      }),
    );
  }

  private async markSeen(tenantId: string, userId: string): Promise<PresenceView> {
    const lastSeenAt = new Date();
    await this.lastSeen.write(tenantId, userId, lastSeenAt);
    return { userId, online: false, lastSeenAt: lastSeenAt.toISOString() };
  }
}
