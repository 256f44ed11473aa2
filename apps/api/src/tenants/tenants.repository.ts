import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Tenant } from './tenant.entity';

/**
 * Tenants are not behind the tenant wall: signing in must find one by its slug before any tenant
 * is known. Nothing here reveals anything but a tenant's own name.
 */
@Injectable()
export class TenantsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findBySlug(slug: string): Promise<Tenant | null> {
    return this.db.getRepository(Tenant).findOneBy({ slug });
  }

  findById(id: string): Promise<Tenant | null> {
    return this.db.getRepository(Tenant).findOneBy({ id });
  }
}
