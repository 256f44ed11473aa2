import { useTranslation } from 'react-i18next';
import { Outlet, useMatch } from 'react-router';
import { useConnectionState } from '../../../lib/socket';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { ConversationListPanel } from './ConversationListPanel';

/**
 * The conversation list beside the open conversation. On a phone they are separate screens:
 * /messages shows the list, /messages/:id (and /messages/new) the conversation alone.
 */
export function MessagingLayout() {
  const { t } = useTranslation();
  const conversationOpen = useMatch('/messages/:id') !== null;
  const connection = useConnectionState();
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-connection-state={connection}>
      <ConnectionBanner />
      <div className="flex min-h-0 flex-1 md:gap-4">
        <aside
          className={`${conversationOpen ? 'hidden md:flex' : 'flex'} min-h-0 w-full flex-col md:w-80 md:shrink-0`}
        >
          <ConversationListPanel />
        </aside>
        <section
          className={`${conversationOpen ? 'flex' : 'hidden md:flex'} min-h-0 min-w-0 flex-1 flex-col`}
        >
          {/* On a phone the list, and its title, are hidden: the page keeps its top heading. */}
          {conversationOpen && <h1 className="sr-only md:hidden">{t('conversations.title')}</h1>}
          <Outlet />
        </section>
      </div>
    </div>
  );
}
