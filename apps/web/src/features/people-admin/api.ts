import type { Role, TenantStorageView, UserSummary } from '@mindsp/contracts';
import { client, dataOf } from '../../lib/api';

export interface NewPerson {
  email: string;
  displayName: string;
  password: string;
  role: Role;
}

/** The admin's calls on the people of their organisation. */
export const peopleAdminApi = {
  create: (person: NewPerson): Promise<UserSummary> =>
    dataOf(client.POST('/api/users', { body: person })),
  deactivate: (userId: string): Promise<UserSummary> =>
    dataOf(client.POST('/api/users/{id}/deactivate', { params: { path: { id: userId } } })),
  reactivate: (userId: string): Promise<UserSummary> =>
    dataOf(client.POST('/api/users/{id}/reactivate', { params: { path: { id: userId } } })),
  storage: (): Promise<TenantStorageView> => dataOf(client.GET('/api/admin/storage')),
};
