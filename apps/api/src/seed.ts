import type { DataSource } from 'typeorm';
import { PasswordHasherService } from './users/password-hasher.service';
import { Tenant } from './tenants/tenant.entity';
import { User } from './users/user.entity';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_TENANTS = [
  {
    slug: 'demo',
    name: 'SDIS Démo',
    users: [
      { email: 'alice@demo.test', displayName: 'Alice Martin', role: 'admin' },
      { email: 'bob@demo.test', displayName: 'Bob Durand', role: 'member' },
      { email: 'carol@demo.test', displayName: 'Carol Petit', role: 'member' },
    ],
  },
  {
    slug: 'other',
    name: 'SDIS Autre',
    users: [{ email: 'dave@other.test', displayName: 'Dave Moreau', role: 'admin' }],
  },
] as const;

/** Seeds the demo organisations, only into an empty database. Returns whether it seeded. */
export async function seedDemo(db: DataSource): Promise<boolean> {
  if ((await db.getRepository(Tenant).count()) > 0) return false;
  const passwordHash = await new PasswordHasherService().hash(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const { slug, name, users } of DEMO_TENANTS) {
      const tenant = await tx.getRepository(Tenant).save({ slug, name });
      await tx.getRepository(User).save(
        users.map((user) => ({
          ...user,
          tenantId: tenant.id,
          passwordHash,
          locale: 'fr' as const,
        })),
      );
    }
  });
  return true;
}
