import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.module';

/** Written only if no membership change of the user was recorded since the read began. */
const STORE_IF_UNCHANGED = `
if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1`;

const keys = {
  ids: (userId: string) => `conversation-ids:${userId}`,
  /** Bumped by every membership change of the user: a read older than it is not stored. */
  generation: (userId: string) => `conversation-ids-gen:${userId}`,
};

/** A safety net only: every membership change forgets the entry at once. */
const TTL_SECONDS = 600;
const GENERATION_TTL_SECONDS = 86_400;

/**
 * The ids of a user's conversations, the rooms each of their sockets joins at the handshake: in
 * Redis, so that a storm of reconnections (a shift change, an instance restart) costs one Redis
 * round trip per socket instead of a database query, on every instance. Membership changes
 * (create, add, remove) call `forget` after their commit; a read that raced with one is not stored
 * (generation check), so a stale list never outlives the change.
 */
@Injectable()
export class ConversationIdsCache {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async idsOf(userId: string, load: (userId: string) => Promise<string[]>): Promise<string[]> {
    const [cached, generation] = await this.redis.mget(keys.ids(userId), keys.generation(userId));
    if (cached !== null) return cached ? cached.split(',') : [];
    const ids = await load(userId);
    await this.redis.eval(
      STORE_IF_UNCHANGED,
      2,
      keys.ids(userId),
      keys.generation(userId),
      generation ?? '0',
      ids.join(','),
      TTL_SECONDS,
    );
    return ids;
  }

  async forget(userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    const pipeline = this.redis.pipeline();
    for (const userId of userIds) {
      pipeline
        .incr(keys.generation(userId))
        .expire(keys.generation(userId), GENERATION_TTL_SECONDS)
        .del(keys.ids(userId));
    }
    await pipeline.exec();
  }
}
