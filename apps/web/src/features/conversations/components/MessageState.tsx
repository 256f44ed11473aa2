import type { ConversationView, MessageView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';
import { findMember } from '../members';
import { usePin, useReaction } from '../hooks/useMessageState';
import { MessageReactions } from './MessageReactions';
import { ReactionPicker } from './ReactionPicker';

const revealOnHover =
  'opacity-0 group-hover:opacity-100 focus-visible:opacity-100 data-[state=open]:opacity-100 [@media(hover:none)]:opacity-100';

/** What any member can do to a message, beside it: react, pin or unpin. */
export function MessageStateActions({
  message,
  conversationId,
}: {
  message: MessageView;
  conversationId: string;
}) {
  const { t } = useTranslation();
  const react = useReaction(conversationId);
  const pin = usePin(conversationId);
  const pinned = Boolean(message.pinnedAt);
  return (
    <>
      <ReactionPicker
        className={revealOnHover}
        // Picking an emoji I already put there leaves it (a tap on its chip takes it back).
        onPick={(emoji) => react.mutate({ messageId: message.id, emoji, reacted: true })}
      />
      <button
        type="button"
        aria-label={t(pinned ? 'pins.unpin' : 'pins.pin')}
        title={t(pinned ? 'pins.unpin' : 'pins.pin')}
        aria-pressed={pinned}
        data-testid="pin-toggle"
        disabled={pin.isPending}
        onClick={() => pin.mutate({ messageId: message.id, pinned: !pinned })}
        className={`shrink-0 rounded-full p-1.5 text-neutral-500 hover:bg-neutral-200 hover:text-neutral-800 focus-visible:outline-2 focus-visible:outline-red-700 aria-pressed:text-red-700 ${revealOnHover}`}
      >
        <Icon name="pin" className="size-4" />
      </button>
    </>
  );
}

/** Under the bubble: its reactions (a tap toggles mine), and what went wrong, if anything. */
export function MessageStateRow({
  message,
  conversation,
  mine,
}: {
  message: MessageView;
  conversation: ConversationView;
  mine: boolean;
}) {
  const { t } = useTranslation();
  const react = useReaction(conversation.id);
  return (
    <>
      <MessageReactions
        message={message}
        conversation={conversation}
        mine={mine}
        onToggle={(emoji, reacted) => react.mutate({ messageId: message.id, emoji, reacted })}
      />
      {react.isError && (
        <p role="alert" className="mt-1 text-xs font-medium text-red-800">
          {t('reactions.failed')}
        </p>
      )}
    </>
  );
}

/** In the message's meta line: pinned, and by whom. */
export function PinnedMark({
  message,
  conversation,
}: {
  message: MessageView;
  conversation: ConversationView;
}) {
  const { t } = useTranslation();
  if (!message.pinnedAt || message.deletedAt) return null;
  const by = message.pinnedBy ? findMember(conversation, message.pinnedBy)?.member.displayName : '';
  const label = by ? t('pins.pinnedBy', { name: by }) : t('pins.pinned');
  return (
    <span
      data-testid="pinned-marker"
      title={label}
      className="flex items-center gap-0.5 text-red-700"
    >
      <Icon name="pin" className="size-3" />
      {t('pins.pinned')}
    </span>
  );
}
