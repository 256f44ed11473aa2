import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';

export const REDIS = Symbol('REDIS');

/** One shared ioredis connection for rate limits, presence and health. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis(config.redisUrl, {
          // Commands issued before the connection is ready wait for it; while Redis is down they
          // fail after one reconnection attempt instead of queueing forever.
          maxRetriesPerRequest: 1,
          // A storm of handshakes issues thousands of small commands in the same ticks: sent as
          // one pipeline per tick instead of a write each.
          enableAutoPipelining: true,
        }).on('error', () => undefined),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown() {
    this.redis.disconnect();
  }
}
