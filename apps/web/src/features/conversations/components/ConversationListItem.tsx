import type { ConversationView } from '@mindsp/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TimelineNoteText as NotePreview } from './TimelineNote';
import { WithUserText } from '../../../components/ui/WithUserText';
import { Icon } from '../../../components/ui/Icon';
import { NavLink } from 'react-router';
import { currentLocale } from '../../../i18n';
import { useCurrentUser } from '../../auth/queries';
import { Avatar } from '../../people/components/Avatar';
import { firstName } from '../../people/names';
import { listTime } from '../dates';
import { findMember } from '../members';
import { mentionsAsText } from '../mentions';
import { useMentionLabel } from '../replies/useMentionLabel';
import { conversationTitle, otherMember } from '../names';
import { useIsOnline } from '../../people/hooks/useIsOnline';

export function ConversationListItem({
  conversation,
  now,
}: {
  conversation: ConversationView;
  now: Date;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const other = otherMember(conversation, me.id);
  const online = useIsOnline(other?.id);
  const title = conversationTitle(conversation, me.id);
  const last = conversation.lastMessage;
  const unread = conversation.unreadCount > 0;
  const mentionLabel = useMentionLabel(conversation);

  let preview: ReactNode = t('conversations.noMessages');
  if (last?.deletedAt) preview = t('conversation.deleted');
  else if (last?.note)
    preview = <NotePreview message={last} note={last.note} conversation={conversation} />;
  else if (last) {
    // The body and the sender's name are the user's text: isolated, so neither can reorder the rest.
    // A file sent alone previews as its name.
    const files = last.attachments?.map((a) => `📎 ${a.name}`).join(', ') ?? '';
    const body = (mentionsAsText(last.body, mentionLabel) || files).replace(/\s+/g, ' ');
    const sender = findMember(conversation, last.senderId)?.member.displayName;
    if (last.senderId === me.id)
      preview = <WithUserText values={{ body }} render={(v) => t('conversations.mine', v)} />;
    else if (conversation.kind === 'group' && sender)
      preview = (
        <WithUserText
          values={{ name: firstName(sender), body }}
          render={(v) => t('conversations.theirs', v)}
        />
      );
    else preview = <bdi>{body}</bdi>;
  }

  return (
    <NavLink
      to={`/messages/${conversation.id}`}
      data-testid="conversation-item"
      data-conversation-id={conversation.id}
      data-muted={conversation.muted === true}
      className={({ isActive }) =>
        `flex items-center gap-3 px-4 py-3 outline-none hover:bg-neutral-50 focus-visible:bg-red-50 ${isActive ? 'bg-red-50' : ''}`
      }
    >
      <Avatar
        name={title}
        group={conversation.kind === 'group'}
        online={conversation.kind === 'direct' ? Boolean(online) : undefined}
      />
      <span className="min-w-0 flex-1">
        <span className="flex items-baseline gap-2">
          <span
            data-testid="conversation-title"
            className={`min-w-0 flex-1 truncate ${unread ? 'font-semibold' : 'font-medium'} text-neutral-900`}
          >
            <bdi>{title}</bdi>
          </span>
          {last && (
            <time
              dateTime={last.createdAt}
              className={`shrink-0 text-xs ${unread ? 'font-semibold text-red-700' : 'text-neutral-600'}`}
            >
              {listTime(last.createdAt, now, currentLocale(), t('conversation.yesterday'))}
            </time>
          )}
        </span>
        <span className="mt-0.5 flex items-center gap-2">
          <span
            data-testid="conversation-preview"
            className={`min-w-0 flex-1 truncate text-sm ${unread ? 'text-neutral-900' : 'text-neutral-600'} ${last?.deletedAt ? 'italic' : ''}`}
          >
            {preview}
          </span>
          {conversation.kind === 'direct' && online !== undefined && (
            <span className="sr-only">{online ? t('presence.online') : t('presence.offline')}</span>
          )}
          {conversation.muted && (
            <span title={t('replies.muted')} className="shrink-0 text-neutral-400">
              <Icon name="mute" className="size-3.5" />
              <span className="sr-only">{t('replies.muted')}</span>
            </span>
          )}
          {unread && (
            <span
              data-testid="unread-badge"
              data-muted={conversation.muted === true}
              aria-label={t('conversations.unread', { count: conversation.unreadCount })}
              // Muted: the count stays, greyed, so it does not call for attention; a grey dark
              // enough that the white count keeps a 4.5:1 contrast.
              className={`inline-flex min-w-5 shrink-0 items-center justify-center rounded-full px-1.5 py-0.5 text-xs font-bold leading-none text-white ${conversation.muted ? 'bg-neutral-500' : 'bg-red-700'}`}
            >
              {conversation.unreadCount > 99 ? '99+' : conversation.unreadCount}
            </span>
          )}
        </span>
      </span>
    </NavLink>
  );
}
