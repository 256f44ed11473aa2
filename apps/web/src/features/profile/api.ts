import type { UpdateProfileRequest, UserSummary } from '@mindsp/contracts';
import { api } from '../../lib/api';

/** A person's profile, and my own name and status. */
export const profileApi = {
  get: (userId: string, signal?: AbortSignal) =>
    api.get<UserSummary>(`/api/users/${userId}`, { signal }),
  updateMe: (changes: UpdateProfileRequest) => api.patch<UserSummary>('/api/users/me', changes),
};
