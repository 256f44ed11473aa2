import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userKeys } from '../../people/keys';
import { profileKeys } from '../../profile/keys';
import { peopleAdminApi, type NewPerson } from '../api';

/** Add, deactivate, reactivate; each refreshes the people lists and profiles. */
export function usePeopleAdmin() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: userKeys.all }),
      queryClient.invalidateQueries({ queryKey: profileKeys.all }),
    ]);
  return {
    create: useMutation({
      mutationFn: (person: NewPerson) => peopleAdminApi.create(person),
      onSuccess: refresh,
    }),
    setActive: useMutation({
      mutationFn: ({ userId, active }: { userId: string; active: boolean }) =>
        active ? peopleAdminApi.reactivate(userId) : peopleAdminApi.deactivate(userId),
      onSuccess: refresh,
    }),
  };
}
