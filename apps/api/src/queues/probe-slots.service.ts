import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { REDIS } from '../redis/redis.module';

/**
 * Takes a slot in a tenant's sorted set of slots unless it holds `cap` already: the members are
 * job ids, the scores the time (ms) after which a slot is given back by itself (a worker that died
 * mid-job must not keep it forever). Atomic, so concurrent requests can never take more than `cap`.
 * Returns 1 when taken (or already held), 0 when full.
 */
const TAKE_SLOT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 1 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[1], last[2])
return 1
`;

type SlotKind = 'pending' | 'running';

/**
 * Diagnostic jobs share the `maintenance` queue (and its workers) with every tenant, so each
 * tenant has a share of it: `pending` slots (a probe takes one when it is added, gives it back when
 * it has finished for good: more are refused) and `running` slots (a probe takes one when a worker
 * starts it: past them, it waits its turn while other tenants' jobs run). BullMQ's own groups are
 * in its paid edition only; these counters live in Redis, beside the queue.
 */
@Injectable()
export class ProbeSlotsService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** True when the slot is taken; `untilMs` is when it frees itself if never given back. */
  async take(kind: SlotKind, tenantId: string, jobId: string, untilMs: number): Promise<boolean> {
    const cap = this.config.probeLimits[kind];
    const taken = await this.redis.eval(
      TAKE_SLOT,
      1,
      key(kind, tenantId),
      Date.now(),
      cap,
      jobId,
      Math.ceil(untilMs),
    );
    return taken === 1;
  }

  async giveBack(kind: SlotKind, tenantId: string, jobId: string): Promise<void> {
    await this.redis.zrem(key(kind, tenantId), jobId);
  }

  /** The jobs holding a tenant's slots of `kind`. */
  async holders(kind: SlotKind, tenantId: string): Promise<string[]> {
    return this.redis.zrangebyscore(key(kind, tenantId), Date.now(), '+inf');
  }
}

const key = (kind: SlotKind, tenantId: string) => `probe-${kind}:${tenantId}`;
