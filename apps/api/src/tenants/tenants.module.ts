import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Tenant } from './tenant.entity';
import { TenantsRepository } from './tenants.repository';

@Module({
  imports: [TypeOrmModule.forFeature([Tenant])],
  providers: [TenantsRepository],
  exports: [TenantsRepository],
})
export class TenantsModule {}
