import type { ConversationView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../../../components/ui/IconButton';
import { findMember } from '../members';
import { mentionsAsText } from '../mentions';
import { useReplyControls } from './ReplyContext';
import { useMentionLabel } from './useMentionLabel';

/** Above the composer while a reply is being written: what it answers, and a way out. */
export function ReplyPreview({ conversation }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const controls = useReplyControls();
  const labelOf = useMentionLabel(conversation);
  const original = controls?.replyTo;
  if (!controls || !original) return null;
  const name =
    findMember(conversation, original.senderId)?.member.displayName ?? t('replies.someone');
  const excerpt = mentionsAsText(original.body, labelOf);

  return (
    <div
      data-testid="reply-preview"
      className="flex items-center gap-2 border-t border-neutral-200 bg-neutral-50 px-4 py-1.5 text-xs"
    >
      <div className="min-w-0 flex-1 border-l-4 border-red-700/60 pl-2">
        <p className="font-semibold text-neutral-800">{t('replies.replyingTo', { name })}</p>
        <p className="truncate text-neutral-600" dir="auto">
          {excerpt}
        </p>
      </div>
      <IconButton
        icon="close"
        label={t('replies.cancelReply')}
        onClick={controls.cancelReply}
        className="p-1"
      />
    </div>
  );
}
