import type { Role, TenantStorageView, UserSummary } from '@mindsp/contracts';
import { api } from '../../lib/api';

export interface NewPerson {
  email: string;
  displayName: string;
  password: string;
  role: Role;
}

/** The admin's calls on the people of their organisation. */
export const peopleAdminApi = {
  create: (person: NewPerson) => api.post<UserSummary>('/api/users', person),
  deactivate: (userId: string) => api.post<UserSummary>(`/api/users/${userId}/deactivate`),
  reactivate: (userId: string) => api.post<UserSummary>(`/api/users/${userId}/reactivate`),
  storage: () => api.get<TenantStorageView>('/api/admin/storage'),
};
