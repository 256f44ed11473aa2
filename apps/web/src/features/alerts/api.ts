import type {
  AlertAckUpdate,
  AlertResponse,
  AlertView,
  CreateAlertRequest,
} from '@mindsp/contracts';
import { api } from '../../lib/api';
import { socketRequest } from '../../lib/socket';
import { socketOrRest } from '../../lib/socketOrRest';

/** The REST and socket calls of urgent alerts, one function per request. */
export const alertsApi = {
  get: (alertId: string, signal?: AbortSignal) =>
    api.get<AlertView>(`/api/alerts/${alertId}`, { signal }),
  send: (input: CreateAlertRequest) => api.post<AlertView>('/api/alerts', input),
  /** Answering again replaces the answer: safe to repeat over either channel. */
  acknowledge: (alertId: string, response: AlertResponse) =>
    socketOrRest(
      () => socketRequest('alert:ack', { alertId, response }),
      () => api.post<AlertAckUpdate>(`/api/alerts/${alertId}/ack`, { response }),
    ),
};
