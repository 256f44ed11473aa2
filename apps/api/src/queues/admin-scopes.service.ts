import type { QueueAdminScope } from '@mindsp/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantDatabase } from '../database/tenant-database';
import { UsersRepository } from '../users/users.repository';
import { TenantsRepository } from '../tenants/tenants.repository';

/** Whose jobs an admin sees: their tenant's (jobs carry `tenantId` in their data), or all. */
export interface AdminScope {
  kind: QueueAdminScope;
  /** Null for a platform operator. */
  tenantId: string | null;
}

export function inScope(scope: AdminScope, job: Job): boolean {
  return (
    scope.tenantId === null || (job.data as { tenantId?: unknown })?.tenantId === scope.tenantId
  );
}

@Injectable()
export class AdminScopesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenantDb: TenantDatabase,
    private readonly tenants: TenantsRepository,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Operators are listed as `tenant-slug/email`, not bare emails: a tenant admin can create users,
   * and must not become an operator by creating one with an operator's email.
   */
  async of(caller: AuthenticatedUser): Promise<AdminScope> {
    const own: AdminScope = { kind: 'tenant', tenantId: caller.tenantId };
    if (this.config.platformOperators.length === 0) return own;
    const [user, tenant] = await Promise.all([
      this.tenantDb.transaction(caller.tenantId, (tx) =>
        this.users.findById(tx, caller.tenantId, caller.id),
      ),
      this.tenants.findById(caller.tenantId),
    ]);
    const identity = user && tenant ? `${tenant.slug}/${user.email}`.toLowerCase() : null;
    return identity && this.config.platformOperators.includes(identity)
      ? { kind: 'platform', tenantId: null }
      : own;
  }
}
