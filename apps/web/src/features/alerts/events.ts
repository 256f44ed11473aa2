import type { AlertView } from '@mindsp/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from '../../lib/socket';
import { useCurrentUser } from '../auth/queries';
import { closeDesktopNotice } from '../notifications/browser/desktop';
import { applyAck } from './cache/alerts';
import { alertKeys } from './keys';

/**
 * Routes `alert:ack`: the sender's page shows each answer as it comes; my own answer, given in
 * another tab, shows here too. Mount once for the signed-in user.
 */
export function useAlertEvents() {
  const queryClient = useQueryClient();
  const me = useCurrentUser();

  useSocketEvent('alert:ack', (update) => {
    queryClient.setQueryData<AlertView>(alertKeys.detail(update.alertId), (alert) =>
      alert ? applyAck(alert, update) : alert,
    );
    if (update.userId === me.id) {
      queryClient.setQueryData(alertKeys.myResponse(update.alertId), update.response);
      closeDesktopNotice(`alert:${update.alertId}`);
    }
  });
  // Answers given while disconnected: ask again for the alerts on screen.
  useSocketEvent('connect', () => void queryClient.invalidateQueries({ queryKey: alertKeys.all }));
}
