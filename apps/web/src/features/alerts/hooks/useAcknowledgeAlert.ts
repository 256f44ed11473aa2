import type { AlertResponse, AlertView } from '@mindsp/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { alertsApi } from '../api';
import { applyAck } from '../cache/alerts';
import { alertKeys } from '../keys';

/**
 * My answer to an alert ("Reçu", "Je suis disponible", "Indisponible") and how to give it.
 * `stored`: the answer the server holds, when the alert was loaded (the alert's page).
 */
export function useAcknowledgeAlert(alertId: string, stored: AlertResponse | null = null) {
  const queryClient = useQueryClient();
  const mine = useQuery<AlertResponse | null>({
    queryKey: alertKeys.myResponse(alertId),
    // Known only from this browser's answers (and my other tabs'): nothing to fetch.
    queryFn: () => null,
    staleTime: Infinity,
  });
  const answer = useMutation({
    mutationFn: (response: AlertResponse) => alertsApi.acknowledge(alertId, response),
    onSuccess: (update) => {
      queryClient.setQueryData(alertKeys.myResponse(alertId), update.response);
      queryClient.setQueryData<AlertView>(alertKeys.detail(alertId), (alert) =>
        alert ? applyAck(alert, update) : alert,
      );
    },
  });
  return { response: mine.data ?? stored, answer };
}
