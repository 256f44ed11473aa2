import type { ConversationView } from '@mindsp/contracts';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/queries';
import { WithUserText } from '../../../components/ui/WithUserText';
import { Avatar } from '../../people/components/Avatar';
import { BackToList } from './BackToList';
import { PinnedMessagesButton } from './PinnedMessages';
import { IconButton } from '../../../components/ui/IconButton';
import { conversationTitle, otherMember } from '../names';
import { useIsOnline } from '../../people/hooks/useIsOnline';
import { MembershipActions } from './MembershipActions';

interface ConversationHeaderProps {
  conversation: ConversationView;
  myId: string;
  searchOpen: boolean;
  onToggleSearch: () => void;
  detailsOpen: boolean;
  onToggleDetails: () => void;
  pinsOpen: boolean;
  onTogglePins: () => void;
}

export function ConversationHeader({
  conversation,
  myId,
  searchOpen,
  onToggleSearch,
  detailsOpen,
  onToggleDetails,
  pinsOpen,
  onTogglePins,
}: ConversationHeaderProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The contract does not say who created a group: the button is shown to admins, the server
  // also lets a group's creator send one.
  const canAlert = useCurrentUser().role === 'admin';
  const other = otherMember(conversation, myId);
  const online = useIsOnline(other?.id);
  const title = conversationTitle(conversation, myId);
  const subtitle =
    conversation.kind === 'direct' ? (
      online === undefined ? (
        ''
      ) : (
        t(online ? 'presence.online' : 'presence.offline')
      )
    ) : (
      <WithUserText
        values={{
          names: conversation.members
            .filter((member) => member.id !== myId)
            .map((member, index) => (
              <Fragment key={member.id}>
                {index > 0 && ', '}
                <bdi>{member.displayName}</bdi>
              </Fragment>
            )),
        }}
        render={(v) => t('conversation.members', v)}
      />
    );

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
          <bdi>{title}</bdi>
        </h2>
        {subtitle && <p className="truncate text-xs text-neutral-600">{subtitle}</p>}
      </div>
      {canAlert && (
        <IconButton
          icon="alert"
          label={t('alerts.sendFromConversation')}
          onClick={() => void navigate(`/alerts/new?conversationId=${conversation.id}`)}
          className="p-2 text-red-700"
        />
      )}
      {conversation.kind === 'group' && (
        <IconButton
          icon="details"
          label={t('conversation.details')}
          pressed={detailsOpen}
          onClick={onToggleDetails}
          className="p-2"
        />
      )}
      <MembershipActions conversation={conversation} />
      <PinnedMessagesButton
        conversationId={conversation.id}
        open={pinsOpen}
        onToggle={onTogglePins}
      />
      <IconButton
        icon="search"
        label={t('conversation.search')}
        pressed={searchOpen}
        onClick={onToggleSearch}
        className="p-2"
      />
    </header>
  );
}
