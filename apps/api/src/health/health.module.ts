import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { RedisEvictionCheckService } from './redis-eviction-check.service';

@Module({ controllers: [HealthController], providers: [RedisEvictionCheckService] })
export class HealthModule {}
