import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Spinner } from '../../../components/Spinner';
import { Button } from '../../../components/ui/Button';
import { PageFrame } from '../../../components/PageFrame';
import { NotificationItem } from '../components/NotificationItem';
import { useMarkNotificationsRead } from '../hooks/useMarkNotificationsRead';
import { useNotificationHistory } from '../hooks/useNotificationHistory';
import { ItemBoundary } from '../../../components/ui/ItemBoundary';

/** `/notifications?id=`: all my notifications in full; the one opened is shown and marked read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const focused = params.get('id');
  const history = useNotificationHistory();
  const markRead = useMarkNotificationsRead();
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  const focusedUnread = items.some((item) => item.id === focused && item.readAt === null);

  useEffect(() => {
    if (focused && focusedUnread) markRead.mutate(focused);
    // Once per notification opened; `markRead` changes identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focused, focusedUnread]);

  return (
    <PageFrame title={t('notifications.title')}>
      {history.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : history.isError ? (
        <p role="alert" className="text-neutral-800">
          {t('notifications.loadFailed')}
        </p>
      ) : items.length === 0 ? (
        <p className="text-neutral-600">{t('notifications.empty')}</p>
      ) : (
        <ul className="rounded-xl bg-white ring-1 ring-neutral-200">
          {items.map((item) => (
            <ItemBoundary key={item.id} what={`notification ${item.id}`} as="li">
              <NotificationItem
                notification={item}
                full
                focused={item.id === focused}
                onMarkRead={() => markRead.mutate(item.id)}
                onOpened={() => undefined}
              />
            </ItemBoundary>
          ))}
        </ul>
      )}
      {history.hasNextPage && (
        <Button
          variant="link"
          disabled={history.isFetchingNextPage}
          onClick={() => void history.fetchNextPage()}
          className="mt-3"
        >
          {t('notifications.loadMore')}
        </Button>
      )}
    </PageFrame>
  );
}
