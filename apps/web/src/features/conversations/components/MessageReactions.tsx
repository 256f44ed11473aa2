import type { ConversationView, MessageView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/queries';
import { findMember } from '../members';

/**
 * The reactions under a message: each emoji with its count; mine are marked, and a tap adds or
 * takes back mine. The names of who reacted are in each chip's label and tooltip.
 */
export function MessageReactions({
  message,
  conversation,
  mine,
  onToggle,
}: {
  message: MessageView;
  conversation: ConversationView;
  mine: boolean;
  onToggle: (emoji: string, reacted: boolean) => void;
}) {
  const { t } = useTranslation();
  const myId = useCurrentUser().id;
  const reactions = message.reactions ?? [];
  if (!reactions.length || message.deletedAt) return null;
  const nameOf = (id: string) =>
    id === myId
      ? t('reactions.you')
      : (findMember(conversation, id)?.member.displayName ?? t('conversation.formerMember'));
  return (
    <ul
      aria-label={t('reactions.list')}
      data-testid="reactions"
      className={`mt-1 flex flex-wrap gap-1 px-1 ${mine ? 'justify-end' : 'justify-start'}`}
    >
      {reactions.map(({ emoji, userIds }) => {
        const reacted = userIds.includes(myId);
        const label = t('reactions.summary', {
          emoji,
          count: userIds.length,
          names: userIds.map(nameOf).join(', '),
        });
        return (
          <li key={emoji}>
            <button
              type="button"
              aria-pressed={reacted}
              aria-label={label}
              title={label}
              data-testid="reaction"
              data-emoji={emoji}
              onClick={() => onToggle(emoji, !reacted)}
              className="flex items-center gap-1 rounded-full bg-white px-2 py-0.5 text-sm ring-1 ring-neutral-200 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:outline-red-700 aria-pressed:bg-red-50 aria-pressed:ring-red-300"
            >
              <span aria-hidden="true">{emoji}</span>
              <span data-testid="reaction-count" className="text-xs font-medium text-neutral-700">
                {userIds.length}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
