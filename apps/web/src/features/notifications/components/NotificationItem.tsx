import type { NotificationView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconButton } from '../../../components/ui/IconButton';
import { AlertAckButtons } from '../../alerts/components/AlertAckButtons';
import { alertIdOf } from '../../alerts/alertOf';
import { notificationTarget } from '../target';

/**
 * One notification (in the bell, or on the notifications page): opening it goes where it
 * leads and marks it read; an unread one can be marked read where it is; an alert carries its
 * answer buttons.
 */
export function NotificationItem({
  notification,
  onMarkRead,
  onOpened,
  full = false,
  focused = false,
}: {
  notification: NotificationView;
  onMarkRead: () => void;
  onOpened: () => void;
  /** The whole body (the notifications page), not its first lines (the bell). */
  full?: boolean;
  /** The one the user opened: highlighted and scrolled to. */
  focused?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const unread = notification.readAt === null;
  const alertId = alertIdOf(notification);
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(notification.createdAt));
  const text = (
    <>
      <span className="block font-semibold text-neutral-900" dir="auto">
        {notification.title}
      </span>
      <span
        className={`mt-0.5 block text-neutral-700 ${full ? 'whitespace-pre-wrap' : 'line-clamp-2'}`}
        dir="auto"
      >
        {notification.body}
      </span>
      <span className="mt-0.5 block text-xs text-neutral-600">{when}</span>
    </>
  );

  return (
    <li
      data-testid="notification"
      data-unread={unread}
      data-focused={focused || undefined}
      ref={focused ? (element) => element?.scrollIntoView({ block: 'center' }) : undefined}
      className={`flex gap-2 border-b border-neutral-100 px-3 py-2 text-sm last:border-b-0 ${unread ? 'bg-red-50/60' : ''} ${focused ? 'ring-2 ring-inset ring-red-600' : ''}`}
    >
      <span
        aria-hidden="true"
        className={`mt-1.5 size-2 shrink-0 rounded-full ${unread ? 'bg-red-600' : 'bg-transparent'}`}
      />
      <div className="min-w-0 flex-1">
        {!focused ? (
          <Link
            to={notificationTarget(notification)}
            onClick={() => {
              if (unread) onMarkRead();
              onOpened();
            }}
            className="block rounded hover:underline focus-visible:outline-2 focus-visible:outline-red-700"
          >
            {text}
          </Link>
        ) : (
          <div>{text}</div>
        )}
        {alertId && <AlertAckButtons alertId={alertId} className="mt-2" />}
      </div>
      {unread && (
        <IconButton
          icon="markRead"
          label={t('notifications.markRead')}
          onClick={onMarkRead}
          className="size-8 shrink-0 p-1.5"
          iconClassName="size-4"
        />
      )}
    </li>
  );
}
