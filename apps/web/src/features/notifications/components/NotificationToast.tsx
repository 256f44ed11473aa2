import type { NotificationView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { type ToastContentProps, toast } from 'react-toastify/unstyled';
import { Button } from '../../../components/ui/Button';
import { Icon } from '../../../components/ui/Icon';
import { AlertAckButtons } from '../../alerts/components/AlertAckButtons';
import { alertIdOf } from '../../alerts/alertOf';
import { ItemBoundary } from '../../../components/ui/ItemBoundary';

interface ToastActions {
  onOpen: () => void;
  onMarkRead: () => void;
}

/** How long an ordinary toast stays; an alert's stays until acknowledged or closed. */
const TOAST_MS = 8_000;

/**
 * Shows a live notification as a toast. The toast's id is the notification's: a coalesced
 * message notification that comes again updates its toast instead of stacking a second one.
 */
export function showNotificationToast(notification: NotificationView, actions: ToastActions) {
  const urgent = notification.type === 'alert';
  const render = ({ closeToast }: ToastContentProps) => (
    <ItemBoundary what={`notification ${notification.id}`}>
      <NotificationToast notification={notification} {...actions} onDone={closeToast} />
    </ItemBoundary>
  );
  const options = {
    autoClose: urgent ? (false as const) : TOAST_MS,
    closeOnClick: false,
    role: urgent ? 'alert' : 'status',
  };
  if (toast.isActive(notification.id)) toast.update(notification.id, { render, ...options });
  else toast(render, { toastId: notification.id, ...options });
}

function NotificationToast({
  notification,
  onOpen,
  onMarkRead,
  onDone,
}: ToastActions & { notification: NotificationView; onDone: () => void }) {
  const { t } = useTranslation();
  const alertId = alertIdOf(notification);
  return (
    <div
      data-testid="notification-toast"
      // The toast's frame (background, shadow) is react-toastify's; an alert's is edged in red.
      className={`flex w-full gap-3 p-1 text-sm ${alertId ? 'border-l-4 border-red-600 pl-2' : ''}`}
    >
      <Icon
        name={alertId ? 'alertActive' : 'notifications'}
        className="mt-0.5 size-5 shrink-0 text-red-700"
      />
      <div className="min-w-0 flex-1">
        <p className="font-semibold text-neutral-900" dir="auto">
          {notification.title}
        </p>
        <p className="mt-0.5 line-clamp-3 text-neutral-700" dir="auto">
          {notification.body}
        </p>
        {alertId && <AlertAckButtons alertId={alertId} onAcknowledged={onDone} className="mt-2" />}
        <div className="mt-2 flex flex-wrap gap-2">
          <Button
            onClick={() => {
              onOpen();
              onDone();
            }}
          >
            {t('notifications.open')}
          </Button>
          <Button
            variant="quiet"
            onClick={() => {
              onMarkRead();
              onDone();
            }}
          >
            {t('notifications.markRead')}
          </Button>
        </div>
      </div>
    </div>
  );
}
