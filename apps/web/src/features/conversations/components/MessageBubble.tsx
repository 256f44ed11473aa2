import type { ConversationView, MessageView } from '@mindsp/contracts';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';
import { InlineConfirm } from '../../../components/ui/InlineConfirm';
import { Menu, MenuContent, MenuItem, MenuTrigger } from '../../../components/ui/Menu';
import { currentLocale } from '../../../i18n';
import { useCurrentUser } from '../../auth/queries';
import { messageTime } from '../dates';
import { useMessageChanges } from '../hooks/useMessageChanges';
import { MessageAttachments } from '../../files/components/MessageAttachments';
import { MessageBody } from './MessageBody';
import { MessageEditForm } from './MessageEditForm';
import { MessageFrame } from './MessageFrame';
import { MessageStateActions, MessageStateRow, PinnedMark } from './MessageState';
import { ReadReceipt } from './ReadReceipt';
import { ReplyButton } from '../replies/ReplyButton';
import { ReplyQuote } from '../replies/ReplyQuote';
import { useMentionLabel } from '../replies/useMentionLabel';
import { editableMentions, encodeMentions } from '../mentions';

interface MessageBubbleProps {
  message: MessageView;
  conversation: ConversationView;
  mine: boolean;
  /** Shown above the bubble: in a group, for someone else's first message of a run. */
  sender?: ReactNode;
  /** A later message of its sender's run: the run's first message shows the time for all. */
  continued?: boolean;
}

/** One stored message; my own can be edited and deleted, and an admin can delete anyone's. */
export function MessageBubble({
  message,
  conversation,
  mine,
  sender,
  continued,
}: MessageBubbleProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmDelete'>('view');
  const { edit, remove } = useMessageChanges(conversation.id);
  const deleted = Boolean(message.deletedAt);
  const mentionLabel = useMentionLabel(conversation);
  const editable = editableMentions(message.body, mentionLabel);
  // The API lets an admin delete any message of their tenant: one that misleads, or one that
  // cannot be displayed (its placeholder keeps these actions).
  const admin = useCurrentUser().role === 'admin';

  return (
    <MessageFrame
      mine={mine}
      sender={sender}
      attributes={{
        'data-testid': 'message',
        'data-seq': message.seq,
        'data-message-id': message.id,
        'data-mine': mine,
      }}
      actions={
        !deleted && mode === 'view' ? (
          <>
            <ReplyButton message={message} />
            {(mine || admin) && (
              <MessageActions
                onEdit={mine ? () => setMode('edit') : undefined}
                onDelete={() => setMode('confirmDelete')}
              />
            )}
            <MessageStateActions message={message} conversationId={conversation.id} />
          </>
        ) : null
      }
      bubble={
        deleted ? (
          <p className="italic">{t('conversation.deleted')}</p>
        ) : mode === 'edit' ? (
          <MessageEditForm
            initial={editable.text}
            pending={edit.isPending}
            onCancel={() => setMode('view')}
            onSave={(typed) => {
              // Mentions are edited as names and saved as tokens again.
              const body = encodeMentions(typed, editable.picked);
              return body === message.body
                ? setMode('view')
                : edit.mutate(
                    { messageId: message.id, body },
                    { onSuccess: () => setMode('view') },
                  );
            }}
          />
        ) : (
          <>
            {message.replyTo && (
              <ReplyQuote quote={message.replyTo} conversation={conversation} mine={mine} />
            )}
            {message.attachments && <MessageAttachments attachments={message.attachments} />}
            <MessageBody body={message.body} mine={mine} mentionLabel={mentionLabel} />
          </>
        )
      }
      tone={deleted ? 'deleted' : mine ? 'mine' : 'theirs'}
      resetKeys={[message.body, mode, deleted]}
      meta={
        <>
          <time
            data-testid="message-time"
            dateTime={message.createdAt}
            // Kept for screen readers (each message still says when), hidden from the eye.
            className={continued ? 'sr-only' : undefined}
          >
            {messageTime(message.createdAt, currentLocale())}
          </time>
          {message.editedAt && !deleted && <span>· {t('conversation.edited')}</span>}
          {mine && !deleted && <ReadReceipt message={message} conversation={conversation} />}
          <PinnedMark message={message} conversation={conversation} />
        </>
      }
    >
      <MessageStateRow message={message} conversation={conversation} mine={mine} />
      {mode === 'confirmDelete' && (
        <InlineConfirm
          question={t('conversation.confirmDelete')}
          confirm={t('conversation.delete')}
          onConfirm={() => remove.mutate(message.id, { onSuccess: () => setMode('view') })}
          onCancel={() => setMode('view')}
          busy={remove.isPending}
          className="mt-1 justify-end"
        />
      )}
      {(edit.isError || remove.isError) && (
        <p role="alert" className="mt-1 text-xs font-medium text-red-800">
          {t(edit.isError ? 'conversation.editFailed' : 'conversation.deleteFailed')}
        </p>
      )}
    </MessageFrame>
  );
}

/** Edit (my own messages only) and delete. */
function MessageActions({ onEdit, onDelete }: { onEdit?: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <Menu>
      <MenuTrigger
        aria-label={t('conversation.actions')}
        className="shrink-0 rounded-full p-1.5 text-neutral-500 opacity-0 hover:bg-neutral-200 hover:text-neutral-800 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-red-700 group-hover:opacity-100 data-[state=open]:opacity-100 [@media(hover:none)]:opacity-100"
      >
        <Icon name="more" className="size-4" />
      </MenuTrigger>
      <MenuContent className="min-w-36 p-1">
        {onEdit && (
          <MenuItem onSelect={onEdit} className="py-1.5">
            {t('conversation.edit')}
          </MenuItem>
        )}
        <MenuItem onSelect={onDelete} className="py-1.5 text-red-800">
          {t('conversation.delete')}
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
