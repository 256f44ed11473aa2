import { useQuery } from '@tanstack/react-query';
import { peopleAdminApi } from '../api';
import { peopleAdminKeys } from '../keys';

/** What the organisation's files take against its quota (fetched when the admin opens the page). */
export function useStorageUsage() {
  return useQuery({ queryKey: peopleAdminKeys.storage(), queryFn: peopleAdminApi.storage });
}
