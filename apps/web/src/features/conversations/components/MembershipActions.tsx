import type { ConversationView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../components/ui/IconButton';
import { useMembership } from '../hooks/useMembership';

/** In the conversation's header: mute or unmute it, archive or unarchive it (for me only). */
export function MembershipActions({ conversation }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const membership = useMembership(conversation.id);
  const muted = conversation.muted === true;
  const archived = conversation.archived === true;
  const update = (state: { muted?: boolean; archived?: boolean }) => membership.mutate(state);

  return (
    <>
      {membership.isError && (
        <p role="alert" className="text-xs font-medium text-red-800">
          {t('replies.membershipFailed')}
        </p>
      )}
      <IconButton
        icon={muted ? 'mute' : 'unmute'}
        label={muted ? t('replies.unmute') : t('replies.mute')}
        pressed={muted}
        disabled={membership.isPending}
        data-testid="mute-toggle"
        onClick={() => update({ muted: !muted })}
        className="p-2"
      />
      <IconButton
        icon={archived ? 'unarchive' : 'archive'}
        label={archived ? t('replies.unarchive') : t('replies.archive')}
        disabled={membership.isPending}
        data-testid="archive-toggle"
        onClick={() => update({ archived: !archived })}
        className="p-2"
      />
    </>
  );
}
