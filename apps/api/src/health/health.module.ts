import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { EvictionPolicyBootCheck } from './redis-eviction-policy';

@Module({ controllers: [HealthController], providers: [EvictionPolicyBootCheck] })
export class HealthModule {}
