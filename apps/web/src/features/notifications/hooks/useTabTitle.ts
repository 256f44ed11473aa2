import type { ConversationView } from '@mindsp/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useConversations } from '../../conversations/hooks/useConversations';
import { tabTitle, unreadForTitle } from '../title';
import { useNotifications } from './useNotifications';

const NONE: ConversationView[] = [];

/** Keeps the tab's title as "(3) MindSP Messaging" while something is unread. */
export function useTabTitle() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const conversations = useConversations('');
  const loaded = conversations.data?.pages.flatMap((page) => page.items) ?? NONE;
  const title = tabTitle(t('app.name'), unreadForTitle(notifications.data, loaded));
  useEffect(() => {
    document.title = title;
  }, [title]);
}
