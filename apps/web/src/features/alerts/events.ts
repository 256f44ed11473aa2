import type { AlertView } from '@mindsp/contracts';
import { useQueryClient } from '@tanstack/react-query';
import type { EventWriters } from '../../lib/socket';
import { useCurrentUser } from '../auth/queries';
import { closeDesktopNotice } from '../notifications/browser/desktop';
import { applyAck } from './cache/alerts';
import { alertKeys } from './keys';

/**
 * What alerts do with the socket's events: on `alert:ack` the sender's page shows each answer
 * as it comes; my own answer, given in another tab, shows here too.
 */
export function useAlertEventWriters(): EventWriters {
  const queryClient = useQueryClient();
  const me = useCurrentUser();

  return {
    'alert:ack': (update) => {
      queryClient.setQueryData<AlertView>(alertKeys.detail(update.alertId), (alert) =>
        alert ? applyAck(alert, update) : alert,
      );
      if (update.userId === me.id) {
        queryClient.setQueryData(alertKeys.myResponse(update.alertId), update.response);
        closeDesktopNotice(`alert:${update.alertId}`);
      }
    },
    // Answers given while disconnected: ask again for the alerts on screen.
    connect: () => void queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  };
}
