import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { badField } from '../common/bad-request';
import type { UsersRepository } from '../users/users.repository';

/**
 * People named one by one (a group's members, an alert's or a reminder's recipients) must be
 * active people of the caller's tenant. An unknown id and another tenant's get the same 404, as
 * everywhere; a deactivated person is refused by name (400 on `field`): whoever named them
 * should know why, and nothing is created without them silently. Audiences taken from a group
 * or the whole tenant leave them out instead (UsersRepository.activeAmong).
 */
export async function assertActivePeople(
  users: UsersRepository,
  tx: EntityManager,
  { tenantId, ids, field }: { tenantId: string; ids: string[]; field: string },
): Promise<void> {
  const activity = await users.activityOf(tx, tenantId, ids);
  if (ids.some((id) => !activity.has(id))) throw new NotFoundException('User not found');
  const deactivated = [...new Set(ids.filter((id) => activity.get(id) === false))];
  if (deactivated.length) {
    throw badField(field, `these people are deactivated: ${deactivated.join(', ')}`);
  }
}
