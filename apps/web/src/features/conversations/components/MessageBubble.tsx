import { MESSAGING_LIMITS, type ConversationView, type MessageView } from '@mindsp/contracts';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { type FormEvent, type KeyboardEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../i18n';
import { messageTime } from '../format';
import { MessageBody } from './MessageBody';
import type { PendingMessage } from '../cache/pending';
import { useMessageChanges } from '../hooks/useMessageChanges';
import { ReadReceipt } from './ReadReceipt';

interface MessageBubbleProps {
  message: MessageView;
  conversation: ConversationView;
  mine: boolean;
  /** Shown above the bubble: in a group, for someone else's first message of a run. */
  senderName?: string;
}

/** One stored message; my own can be edited and deleted. */
export function MessageBubble({ message, conversation, mine, senderName }: MessageBubbleProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirmDelete'>('view');
  const { edit, remove } = useMessageChanges(conversation.id);
  const deleted = Boolean(message.deletedAt);

  return (
    <Frame
      mine={mine}
      senderName={senderName}
      attributes={{
        'data-testid': 'message',
        'data-seq': message.seq,
        'data-message-id': message.id,
        'data-mine': mine,
      }}
      actions={
        mine && !deleted && mode === 'view' ? (
          <MessageActions
            onEdit={() => setMode('edit')}
            onDelete={() => setMode('confirmDelete')}
          />
        ) : null
      }
      bubble={
        deleted ? (
          <p className="italic">{t('conversation.deleted')}</p>
        ) : mode === 'edit' ? (
          <EditForm
            initial={message.body}
            pending={edit.isPending}
            onCancel={() => setMode('view')}
            onSave={(body) =>
              body === message.body
                ? setMode('view')
                : edit.mutate({ messageId: message.id, body }, { onSuccess: () => setMode('view') })
            }
          />
        ) : (
          <MessageBody body={message.body} mine={mine} />
        )
      }
      tone={deleted ? 'deleted' : mine ? 'mine' : 'theirs'}
      meta={
        <>
          <time dateTime={message.createdAt}>
            {messageTime(message.createdAt, currentLocale())}
          </time>
          {message.editedAt && !deleted && <span>· {t('conversation.edited')}</span>}
          {mine && !deleted && <ReadReceipt message={message} conversation={conversation} />}
        </>
      }
    >
      {mode === 'confirmDelete' && (
        <div
          role="group"
          aria-label={t('conversation.confirmDelete')}
          className="mt-1 flex flex-wrap items-center justify-end gap-2 text-sm"
        >
          <span className="text-neutral-700">{t('conversation.confirmDelete')}</span>
          <button
            type="button"
            onClick={() => remove.mutate(message.id, { onSuccess: () => setMode('view') })}
            disabled={remove.isPending}
            className="rounded-md bg-red-700 px-2.5 py-1 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
          >
            {t('conversation.delete')}
          </button>
          <button
            type="button"
            onClick={() => setMode('view')}
            className="rounded-md px-2.5 py-1 font-semibold text-neutral-700 hover:bg-neutral-100"
          >
            {t('conversation.cancel')}
          </button>
        </div>
      )}
      {(edit.isError || remove.isError) && (
        <p role="alert" className="mt-1 text-xs font-medium text-red-800">
          {t(edit.isError ? 'conversation.editFailed' : 'conversation.deleteFailed')}
        </p>
      )}
    </Frame>
  );
}

/** A message typed here, shown at once while it is being sent (or after it failed). */
export function PendingMessageBubble({
  pending,
  onRetry,
  onDiscard,
}: {
  pending: PendingMessage;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const failed = pending.status === 'failed';
  return (
    <Frame
      mine
      attributes={{
        'data-testid': 'message',
        'data-pending': pending.status,
        'data-client-message-id': pending.clientMessageId,
        'data-mine': true,
      }}
      tone={failed ? 'failed' : 'pending'}
      bubble={<MessageBody body={pending.body} mine />}
      meta={
        failed ? (
          <span className="inline-flex items-center gap-2 text-red-800">
            <span role="alert">{t('conversation.failed')}</span>
            <button type="button" onClick={onRetry} className="font-semibold underline">
              {t('conversation.resend')}
            </button>
            <button type="button" onClick={onDiscard} className="underline">
              {t('conversation.discard')}
            </button>
          </span>
        ) : (
          <span
            data-testid="receipt"
            data-status="pending"
            className="inline-flex items-center gap-1"
          >
            <svg
              viewBox="0 0 16 16"
              aria-hidden="true"
              className="size-3 fill-none stroke-current stroke-[1.6]"
            >
              <circle cx="8" cy="8" r="6.2" />
              <path d="M8 4.5V8l2.2 1.4" strokeLinecap="round" />
            </svg>
            {t('conversation.sending')}
          </span>
        )
      }
    />
  );
}

const TONES = {
  mine: 'bg-red-700 text-white rounded-br-md',
  pending: 'bg-red-700/70 text-white rounded-br-md',
  failed: 'bg-white text-neutral-900 ring-2 ring-red-300 rounded-br-md',
  theirs: 'bg-white text-neutral-900 ring-1 ring-neutral-200 rounded-bl-md',
  deleted: 'bg-neutral-100 text-neutral-500 ring-1 ring-neutral-200',
};

interface FrameProps {
  mine: boolean;
  senderName?: string;
  attributes: Record<`data-${string}`, string | number | boolean>;
  tone: keyof typeof TONES;
  bubble: ReactNode;
  actions?: ReactNode;
  meta: ReactNode;
  children?: ReactNode;
}

function Frame({
  mine,
  senderName,
  attributes,
  tone,
  bubble,
  actions,
  meta,
  children,
}: FrameProps) {
  return (
    <div
      {...attributes}
      className={`group flex flex-col rounded-lg px-1 py-0.5 ${mine ? 'items-end' : 'items-start'}`}
    >
      {senderName && (
        <span className="mb-0.5 ml-3 text-xs font-semibold text-neutral-600">{senderName}</span>
      )}
      <div
        className={`flex max-w-[85%] items-center gap-1 sm:max-w-[75%] ${mine ? 'flex-row' : 'flex-row-reverse'}`}
      >
        {actions}
        <div
          className={`min-w-0 rounded-2xl px-3.5 py-2 text-[0.95rem] leading-relaxed shadow-xs ${TONES[tone]}`}
        >
          {bubble}
        </div>
      </div>
      <div className={`mt-0.5 flex items-center gap-1.5 px-2 text-xs text-neutral-500`}>{meta}</div>
      {children}
    </div>
  );
}

function MessageActions({ onEdit, onDelete }: { onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  const item =
    'flex cursor-pointer select-none items-center rounded-md px-2 py-1.5 text-sm text-neutral-800 outline-none data-[highlighted]:bg-red-50 data-[highlighted]:text-red-900';
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={t('conversation.actions')}
        className="shrink-0 rounded-full p-1.5 text-neutral-500 opacity-0 hover:bg-neutral-200 hover:text-neutral-800 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-red-700 group-hover:opacity-100 data-[state=open]:opacity-100 [@media(hover:none)]:opacity-100"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4 fill-current">
          <circle cx="4" cy="10" r="1.6" />
          <circle cx="10" cy="10" r="1.6" />
          <circle cx="16" cy="10" r="1.6" />
        </svg>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          className="z-20 min-w-36 rounded-xl bg-white p-1 shadow-lg ring-1 ring-neutral-200"
        >
          <DropdownMenu.Item onSelect={onEdit} className={item}>
            {t('conversation.edit')}
          </DropdownMenu.Item>
          <DropdownMenu.Item onSelect={onDelete} className={`${item} text-red-800`}>
            {t('conversation.delete')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function EditForm({
  initial,
  pending,
  onSave,
  onCancel,
}: {
  initial: string;
  pending: boolean;
  onSave: (body: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const body = text.trim();
  const valid = body.length > 0 && body.length <= MESSAGING_LIMITS.bodyMaxLength;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (valid && !pending) onSave(body);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') onCancel();
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form onSubmit={submit} className="flex min-w-[min(16rem,70vw)] flex-col gap-2">
      <textarea
        aria-label={t('conversation.editLabel')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
        rows={2}
        className="field-sizing-content max-h-48 w-full resize-none rounded-lg bg-white px-2 py-1 text-neutral-900 focus:outline-none focus:ring-2 focus:ring-white/60"
      />
      <div className="flex justify-end gap-2 text-sm">
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md px-2 py-1 font-semibold hover:bg-white/15"
        >
          {t('conversation.cancel')}
        </button>
        <button
          type="submit"
          disabled={!valid || pending}
          className="rounded-md bg-white px-2 py-1 font-semibold text-red-800 disabled:opacity-60"
        >
          {t('conversation.save')}
        </button>
      </div>
    </form>
  );
}
