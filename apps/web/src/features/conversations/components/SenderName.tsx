import type { ConversationView } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { findMember } from '../members';

/**
 * Who sent a message: a member by name; someone who left by name too, marked as gone; a
 * sender the conversation no longer knows at all, "Former member".
 */
export function SenderName({
  conversation,
  userId,
}: {
  conversation: ConversationView;
  userId: string;
}) {
  const { t } = useTranslation();
  const found = findMember(conversation, userId);
  if (!found) return <>{t('conversation.formerMember')}</>;
  return (
    <>
      <bdi>{found.member.displayName}</bdi>
      {found.former && <span className="font-normal"> {t('conversation.leftGroup')}</span>}
    </>
  );
}
