import { useQuery } from '@tanstack/react-query';
import { alertsApi } from '../api';
import { alertKeys } from '../keys';

/** An alert with who answered what; answers arrive live (`useAlertEvents`). */
export function useAlert(alertId: string) {
  return useQuery({
    queryKey: alertKeys.detail(alertId),
    queryFn: ({ signal }) => alertsApi.get(alertId, signal),
    staleTime: Infinity,
  });
}
