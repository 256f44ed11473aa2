import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { Icon } from '../../../components/ui/Icon';
import { Popover, PopoverContent, PopoverTrigger } from '../../../components/ui/Popover';
import { groupNotifications } from '../groups';
import { useMarkNotificationsRead } from '../hooks/useMarkNotificationsRead';
import { useNotifications } from '../hooks/useNotifications';
import { NotificationItem } from './NotificationItem';
import { ItemBoundary } from '../../../components/ui/ItemBoundary';

/** The header's bell: my unread count, and my recent notifications by section. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = notifications.data?.unreadCount ?? 0;
  // The badge's text, which the button's name repeats (WCAG 2.5.3, label in name).
  const shown = unread > 99 ? '99+' : String(unread);
  const sections = groupNotifications(notifications.data?.items ?? []);

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        aria-label={unread ? t('notifications.bellUnread', { shown }) : t('notifications.bell')}
        data-testid="notification-bell"
        className="relative shrink-0 rounded-lg p-2 ring-1 ring-white/40 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white data-[state=open]:bg-white/15"
      >
        <Icon name="notifications" />
        {unread > 0 && (
          <span
            data-testid="notification-count"
            aria-hidden="true"
            className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-white px-1 text-center text-xs font-bold leading-5 text-red-800 ring-2 ring-red-700"
          >
            {shown}
          </span>
        )}
      </PopoverTrigger>
      <PopoverContent
        label={t('notifications.title')}
        className="flex max-h-[min(32rem,calc(100dvh-5rem))] w-[min(24rem,calc(100vw-1rem))] flex-col"
      >
        <div className="flex items-center justify-between gap-2 border-b border-neutral-200 px-3 py-2">
          <h2 className="font-semibold text-neutral-900">{t('notifications.title')}</h2>
          {unread > 0 && (
            <Button variant="quiet" onClick={() => markRead.mutate(undefined)}>
              {t('notifications.markAllRead')}
            </Button>
          )}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto">
          {notifications.isError ? (
            <p role="alert" className="px-3 py-6 text-center text-sm text-neutral-700">
              {t('notifications.loadFailed')}
            </p>
          ) : sections.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-neutral-600">
              {notifications.isPending ? t('app.loading') : t('notifications.empty')}
            </p>
          ) : (
            sections.map(({ group, items }) => (
              <section key={group} aria-label={t(`notifications.groups.${group}`)}>
                <h3 className="bg-neutral-50 px-3 py-1 text-xs font-semibold uppercase tracking-wide text-neutral-600">
                  {t(`notifications.groups.${group}`)}
                </h3>
                <ul>
                  {items.map((item) => (
                    <ItemBoundary key={item.id} what={`notification ${item.id}`} as="li">
                      <NotificationItem
                        notification={item}
                        onMarkRead={() => markRead.mutate(item.id)}
                        onOpened={() => setOpen(false)}
                      />
                    </ItemBoundary>
                  ))}
                </ul>
              </section>
            ))
          )}
        </div>
        <div className="flex border-t border-neutral-200 text-sm font-semibold text-red-700">
          <Link
            to="/notifications"
            onClick={() => setOpen(false)}
            className="flex-1 px-3 py-2 text-center hover:bg-neutral-50"
          >
            {t('notifications.all')}
          </Link>
          <Link
            to="/settings/notifications"
            onClick={() => setOpen(false)}
            className="flex-1 px-3 py-2 text-center hover:bg-neutral-50"
          >
            {t('notifications.preferences')}
          </Link>
        </div>
      </PopoverContent>
    </Popover>
  );
}
