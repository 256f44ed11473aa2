import type { MessageView, NotificationView } from '@mindsp/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { toast } from 'react-toastify/unstyled';
import type { EventWriters } from '../../lib/socket';
import { alertIdOf } from '../alerts/alertOf';
import { useCurrentUser } from '../auth/queries';
import { describeMessage } from '../conversations/selectors';
import { closeDesktopNotice, notifyDesktop } from './browser/desktop';
import { storeNotification, storeRead } from './cache/store';
import { showNotificationToast } from './components/NotificationToast';
import { useNotificationSettings } from './hooks/useNotificationSettings';
import { useMarkNotificationsRead } from './hooks/useMarkNotificationsRead';
import { notificationKeys } from './keys';
import { notificationTarget } from './target';

/** Types that raise a browser notification when the tab is hidden (and the user wants them in-app). */
const DESKTOP_TYPES = new Set(['message', 'mention', 'alert']);

const conversationTag = (conversationId: string) => `conversation:${conversationId}`;
/** A message notice replaces the conversation's previous one; an alert's closes when answered. */
function noticeTag(notification: NotificationView): string {
  const alertId = alertIdOf(notification);
  if (alertId) return `alert:${alertId}`;
  const { conversationId } = notification.data;
  if (notification.type === 'message' && typeof conversationId === 'string')
    return conversationTag(conversationId);
  return `notification:${notification.id}`;
}

/**
 * What notifications do with the socket's events (the app's event router hands them here): the
 * cache is patched in place, a toast shows each live one, and a browser notification (with its
 * chime) is raised while the tab is hidden.
 */
export function useNotificationEventWriters(): EventWriters {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const me = useCurrentUser();
  const settings = useNotificationSettings();
  const markRead = useMarkNotificationsRead();
  // Before the preferences load, the defaults (everything in-app) apply; alerts always do.
  const wantsInApp = (type: NotificationView['type']) =>
    type === 'alert' || (settings.data?.types[type].inApp ?? true);

  const open = (notification: NotificationView) => {
    if (notification.readAt === null) markRead.mutate(notification.id);
    void navigate(notificationTarget(notification));
  };

  // The notifications page (if open) is not patched in place: it asks again.
  const refreshHistory = () =>
    void queryClient.invalidateQueries({ queryKey: notificationKeys.history() });

  // A mention shows as the person's name, as in the bubble, never as its `<@id>` token.
  const bodyOf = (notification: NotificationView) => {
    const { conversationId } = notification.data;
    return typeof conversationId === 'string'
      ? describeMessage(queryClient, { conversationId, body: notification.body }, me.id).text
      : notification.body;
  };

  return {
    'notification:new': (notification) => {
      storeNotification(queryClient, notification);
      refreshHistory();
      showNotificationToast(notification, {
        onOpen: () => open(notification),
        onMarkRead: () => markRead.mutate(notification.id),
      });
      if (DESKTOP_TYPES.has(notification.type) && wantsInApp(notification.type))
        notifyDesktop({
          title: notification.title,
          body: bodyOf(notification),
          tag: noticeTag(notification),
          urgent: notification.type === 'alert',
          onOpen: () => open(notification),
        });
    },

    'notification:read': (update) => {
      storeRead(queryClient, update);
      refreshHistory();
      if ('ids' in update)
        for (const id of update.ids) {
          toast.dismiss(id);
          closeDesktopNotice(`notification:${id}`);
        }
      else toast.dismiss();
    },

    // A message arriving while I look elsewhere: connected, I get no notification row for it,
    // so the browser notification comes from the message itself.
    'message:new': (message: MessageView) => {
      if (message.senderId === me.id || !wantsInApp('message')) return;
      const {
        place = t('app.name'),
        senderName,
        text,
      } = describeMessage(queryClient, message, me.id);
      notifyDesktop({
        title: senderName && senderName !== place ? `${senderName} · ${place}` : place,
        body: text,
        tag: conversationTag(message.conversationId),
        onOpen: () => void navigate(`/messages/${message.conversationId}`),
      });
    },

    // Whatever was pushed while disconnected: ask again.
    connect: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  };
}
