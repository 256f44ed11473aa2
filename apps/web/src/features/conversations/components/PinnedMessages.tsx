import type { ConversationView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';
import { currentLocale } from '../../../i18n';
import { usePinnedMessages } from '../hooks/useMessageState';
import { ClosePanelButton } from '../../../components/ui/ClosePanelButton';
import { SenderName } from './SenderName';
import { ItemBoundary } from '../../../components/ui/ItemBoundary';

/** The panel of the conversation's pinned messages, latest pin first; a tap shows the message. */
export function PinnedMessages({
  conversation,
  onClose,
  onPick,
}: {
  conversation: ConversationView;
  onClose: () => void;
  onPick: (seq: number) => void;
}) {
  const { t } = useTranslation();
  const pins = usePinnedMessages(conversation.id);
  const items = pins.data ?? [];
  return (
    <section
      aria-label={t('pins.title')}
      data-testid="pinned-messages"
      className="border-b border-neutral-200 bg-neutral-50 px-3 py-2 sm:px-4"
    >
      <div className="flex items-center gap-2">
        <h3 className="flex-1 text-sm font-semibold text-neutral-800">{t('pins.title')}</h3>
        <ClosePanelButton label={t('pins.close')} onClick={onClose} />
      </div>
      <div aria-live="polite" className="mt-1 max-h-60 overflow-y-auto">
        {pins.isError ? (
          <p role="alert" className="text-sm text-red-800">
            {t('pins.loadFailed')}
          </p>
        ) : pins.isSuccess && items.length === 0 ? (
          <p className="text-sm text-neutral-600">{t('pins.empty')}</p>
        ) : (
          <ul className="space-y-1">
            {items.map((message) => (
              <li key={message.id}>
                <ItemBoundary what={`pinned message ${message.id}`}>
                  <button
                    type="button"
                    data-testid="pinned-message"
                    data-seq={message.seq}
                    onClick={() => onPick(message.seq)}
                    className="block w-full rounded-lg bg-white px-3 py-2 text-left text-sm ring-1 ring-neutral-200 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-700"
                  >
                    <span className="block text-xs font-semibold text-neutral-600">
                      <SenderName conversation={conversation} userId={message.senderId} />
                    </span>
                    <span
                      dir="auto"
                      className="line-clamp-2 whitespace-pre-wrap [overflow-wrap:anywhere]"
                    >
                      {message.body}
                    </span>
                    <time
                      dateTime={message.createdAt}
                      className="mt-0.5 block text-xs text-neutral-600"
                    >
                      {new Intl.DateTimeFormat(currentLocale(), {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      }).format(new Date(message.createdAt))}
                    </time>
                  </button>
                </ItemBoundary>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** The header's button to the pinned list, with how many there are. */
export function PinnedMessagesButton({
  conversationId,
  open,
  onToggle,
}: {
  conversationId: string;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const count = usePinnedMessages(conversationId).data?.length ?? 0;
  const label = t('pins.open', { count });
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={open}
      data-testid="pinned-messages-open"
      onClick={onToggle}
      className="flex items-center gap-0.5 rounded-lg p-2 text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-red-700 aria-pressed:bg-red-50 aria-pressed:text-red-800"
    >
      <Icon name="pin" className="size-5" />
      {count > 0 && <span className="text-xs font-semibold">{count}</span>}
    </button>
  );
}
