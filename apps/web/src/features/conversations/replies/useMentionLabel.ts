import type { ConversationView } from '@mindsp/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isEveryone } from '../mentions';
import { findMember } from '../members';

/** The name a mention shows: the person's current display name (a rename shows at once). */
export function useMentionLabel(conversation: ConversationView): (id: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (id: string) =>
      isEveryone(id)
        ? t('replies.everyone')
        : (findMember(conversation, id)?.member.displayName ?? t('replies.unknownPerson')),
    [conversation, t],
  );
}
