import type {
  AlertAckUpdate,
  AlertResponse,
  AlertView,
  CreateAlertRequest,
} from '@mindsp/contracts';
import { client, dataOf } from '../../lib/api';
import { socketRequest } from '../../lib/socket';
import { socketOrRest } from '../../lib/socketOrRest';

/** The REST and socket calls of urgent alerts, one function per request. */
export const alertsApi = {
  get: (alertId: string, signal?: AbortSignal): Promise<AlertView> =>
    dataOf(client.GET('/api/alerts/{id}', { params: { path: { id: alertId } }, signal })),
  send: (input: CreateAlertRequest): Promise<AlertView> =>
    dataOf(client.POST('/api/alerts', { body: input })),
  /** Answering again replaces the answer: safe to repeat over either channel. */
  acknowledge: (alertId: string, response: AlertResponse) =>
    socketOrRest(
      () => socketRequest('alert:ack', { alertId, response }),
      (): Promise<AlertAckUpdate> =>
        dataOf(
          client.POST('/api/alerts/{id}/ack', {
            params: { path: { id: alertId } },
            body: { response },
          }),
        ),
    ),
};
