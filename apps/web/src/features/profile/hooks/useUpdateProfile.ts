import type { UpdateProfileRequest } from '@mindsp/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authKeys } from '../../auth/queries';
import { userKeys } from '../../people/keys';
import { profileApi } from '../api';
import { profileKeys } from '../keys';

/** Changes my name or status; my header, my profile and the people lists show the new one. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateProfileRequest) => profileApi.updateMe(changes),
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKeys.detail(profile.id), profile);
      void queryClient.invalidateQueries({ queryKey: authKeys.me });
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}
