import type { HealthStatus, ServiceState } from '@mindsp/contracts';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { TenantDatabase } from '../database/tenant-database';
import { Public } from '../common/public.decorator';
import { REDIS } from '../redis/redis.module';
import { evictionPolicyWarning, readEvictionPolicy } from './redis-eviction-check.service';

class HealthStatusDto implements HealthStatus {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database!: ServiceState;
  @ApiProperty({ enum: ['up', 'down'] }) redis!: ServiceState;
  @ApiProperty({ type: String, nullable: true, example: 'noeviction' })
  redisEvictionPolicy!: string | null;
  @ApiProperty({ type: [String], description: 'Up, but at risk (e.g. Redis may evict jobs)' })
  warnings!: string[];
}

const PROBE_TIMEOUT_MS = 2000;

/** Resolves 'up' when the probe answers in time, 'down' otherwise; never throws. */
async function probe(check: () => Promise<unknown>): Promise<ServiceState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: TenantDatabase,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  // Load balancers probe it often; it must never answer 429.
  @SkipThrottle()
  @Get()
  @ApiOkResponse({ type: HealthStatusDto, description: 'Database and Redis both answer' })
  @ApiServiceUnavailableResponse({ type: HealthStatusDto, description: 'Names what is down' })
  async check(): Promise<HealthStatus> {
    const [database, redis] = await Promise.all([
      probe(() => this.database.ping()),
      probe(() => this.redis.ping()),
    ]);
    const redisEvictionPolicy = redis === 'up' ? await readEvictionPolicy(this.redis) : null;
    const warning = evictionPolicyWarning(redisEvictionPolicy);
    const health: HealthStatus = {
      status: database === 'up' && redis === 'up' ? 'ok' : 'error',
      database,
      redis,
      redisEvictionPolicy,
      warnings: warning ? [warning] : [],
    };
    if (health.status !== 'ok') throw new ServiceUnavailableException(health);
    return health;
  }
}
