import type { CreateAlertRequest } from '@mindsp/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { alertsApi } from '../api';
import { alertKeys } from '../keys';

/** Sends an urgent alert; the alert's page then follows who answered. */
export function useSendAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAlertRequest) => alertsApi.send(input),
    onSuccess: (alert) => queryClient.setQueryData(alertKeys.detail(alert.id), alert),
  });
}
