import type { UpdateProfileRequest, UserSummary } from '@mindsp/contracts';
import { client, dataOf } from '../../lib/api';

/** A person's profile, and my own name and status. */
export const profileApi = {
  get: (userId: string, signal?: AbortSignal): Promise<UserSummary> =>
    dataOf(client.GET('/api/users/{id}', { params: { path: { id: userId } }, signal })),
  updateMe: (changes: UpdateProfileRequest): Promise<UserSummary> =>
    dataOf(client.PATCH('/api/users/me', { body: changes })),
};
