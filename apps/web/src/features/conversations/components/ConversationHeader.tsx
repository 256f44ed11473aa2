import type { ConversationView } from '@mindsp/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../people/components/Avatar';
import { BackToList } from './BackToList';
import { conversationTitle, otherMember } from '../format';
import { useIsOnline } from '../../people/hooks/useIsOnline';

interface ConversationHeaderProps {
  conversation: ConversationView;
  myId: string;
  searchOpen: boolean;
  onToggleSearch: () => void;
  detailsOpen: boolean;
  onToggleDetails: () => void;
}

export function ConversationHeader({
  conversation,
  myId,
  searchOpen,
  onToggleSearch,
  detailsOpen,
  onToggleDetails,
}: ConversationHeaderProps) {
  const { t } = useTranslation();
  const other = otherMember(conversation, myId);
  const online = useIsOnline(other?.id);
  const title = conversationTitle(conversation, myId);
  const subtitle =
    conversation.kind === 'direct'
      ? online === undefined
        ? ''
        : t(online ? 'presence.online' : 'presence.offline')
      : t('conversation.members', {
          names: conversation.members
            .map((member) => (member.id === myId ? null : member.displayName))
            .filter(Boolean)
            .join(', '),
        });

  return (
    <header className="flex items-center gap-3 border-b border-neutral-200 px-3 py-2.5 sm:px-4">
      <BackToList />
      <Avatar
        name={title}
        group={conversation.kind === 'group'}
        online={conversation.kind === 'direct' ? Boolean(online) : undefined}
      />
      <div className="min-w-0 flex-1">
        <h2 data-testid="conversation-heading" className="truncate font-semibold text-neutral-900">
          {title}
        </h2>
        {subtitle && <p className="truncate text-xs text-neutral-600">{subtitle}</p>}
      </div>
      {conversation.kind === 'group' && (
        <HeaderToggle
          onClick={onToggleDetails}
          pressed={detailsOpen}
          label={t('conversation.details')}
        >
          <svg
            viewBox="0 0 20 20"
            aria-hidden="true"
            className="size-5 fill-none stroke-current stroke-[1.8]"
          >
            <circle cx="10" cy="10" r="7.2" />
            <path d="M10 9v5M10 6.2v.1" strokeLinecap="round" />
          </svg>
        </HeaderToggle>
      )}
      <HeaderToggle onClick={onToggleSearch} pressed={searchOpen} label={t('conversation.search')}>
        <svg
          viewBox="0 0 20 20"
          aria-hidden="true"
          className="size-5 fill-none stroke-current stroke-[1.8]"
        >
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m12.5 12.5 4.5 4.5" strokeLinecap="round" />
        </svg>
      </HeaderToggle>
    </header>
  );
}

/** An icon button of the header that opens a side panel (details, search) and shows it is open. */
function HeaderToggle({
  onClick,
  pressed,
  label,
  children,
}: {
  onClick: () => void;
  pressed: boolean;
  label: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={pressed}
      aria-label={label}
      title={label}
      className="rounded-lg p-2 text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-red-700 aria-pressed:bg-red-50 aria-pressed:text-red-800"
    >
      {children}
    </button>
  );
}
