import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

// Every browser test signs in as people of its own, in an organisation of its own, made straight
// in the run's database as the API suites' `freshTenant` does: no test sees another's
// conversations, unread counts, settings or online state, so each passes alone and in any order.

/** Who signs in: the organisation's slug, the email and the name the pages show. */
export interface Account {
  tenant: string;
  email: string;
  name: string;
}

/** The demo people's names, so assertions read as the demo does ("Bob Durand est en ligne"). */
export const PEOPLE = { alice: 'Alice Martin', bob: 'Bob Durand', carol: 'Carol Petit' } as const;
export type Who = keyof typeof PEOPLE;

/** Alice (an admin), Bob and Carol of a new organisation, ready to sign in with the demo password. */
export async function freshPeople(): Promise<Record<Who, Account>> {
  const tenant = `t-${randomUUID().slice(0, 8)}`;
  const people = Object.fromEntries(
    Object.entries(PEOPLE).map(([who, name]) => [
      who,
      { tenant, email: `${who}@${tenant}.test`, name },
    ]),
  ) as Record<Who, Account>;
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    // The demo password's hash, reused: hashing is slow on purpose.
    await client.query(
      `WITH tenant AS (INSERT INTO tenants (slug, name) VALUES ($1, $1) RETURNING id)
       INSERT INTO users (tenant_id, email, display_name, password_hash, role)
       SELECT tenant.id, person.email, person.name, demo.password_hash, person.role
       FROM tenant,
            unnest($2::text[], $3::text[], $4::text[]) AS person(email, name, role),
            (SELECT password_hash FROM users WHERE email = 'alice@demo.test') AS demo`,
      [
        tenant,
        Object.values(people).map((account) => account.email),
        Object.values(people).map((account) => account.name),
        Object.keys(people).map((who) => (who === 'alice' ? 'admin' : 'member')),
      ],
    );
  } finally {
    await client.end();
  }
  return people;
}
