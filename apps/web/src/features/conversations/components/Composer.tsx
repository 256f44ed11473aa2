import { type AttachmentView, MESSAGING_LIMITS } from '@mindsp/contracts';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';
import { AttachButton } from '../../files/components/AttachButton';
import { PendingUploads } from '../../files/components/PendingUploads';
import { useAttachmentUploads } from '../../files/hooks/useAttachmentUploads';
import { useDraft } from '../../drafts/hooks/useDraft';
import { useTypingNotifier } from '../typing';
import { handleMessageKeys } from './messageKeys';
import { useMentionAutocomplete } from '../replies/useMentionAutocomplete';

/** The counter shows from here on, so the limit is no surprise. */
const COUNTER_FROM = MESSAGING_LIMITS.bodyMaxLength - 400;

/** Where a message is written: Enter sends, Shift+Enter starts a new line; blank is never sent. */
export function Composer({
  conversationId,
  onSend,
}: {
  conversationId: string;
  onSend: (body: string, attachments?: AttachmentView[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const typing = useTypingNotifier(conversationId);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const mentions = useMentionAutocomplete({ conversationId, text, setText, textarea });
  const draft = useDraft(conversationId);
  // The draft saved from any device fills the box once, unless the user already started typing.
  const [draftShown, setDraftShown] = useState(false);
  if (!draftShown && draft.loaded !== undefined) {
    setDraftShown(true);
    if (!text && draft.loaded) setText(draft.loaded);
  }
  const hintId = useId();
  const counterId = useId();
  const max = MESSAGING_LIMITS.bodyMaxLength;
  const body = text.trim();
  const tooLong = body.length > max;
  const files = useAttachmentUploads(conversationId);
  // A file alone may be sent; not while one is still uploading (it would be left behind).
  const canSend = (body.length > 0 || files.ready.length > 0) && !tooLong && !files.busy;

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(mentions.encode(body), files.ready);
    files.clearSent();
    draft.sent();
    setText('');
    typing.stop();
  };

  return (
    <form
      onSubmit={send}
      onPaste={(event) => {
        if (event.clipboardData.files.length) {
          event.preventDefault();
          files.add(event.clipboardData.files);
        }
      }}
      onDragOver={(event) => event.dataTransfer.types.includes('Files') && event.preventDefault()}
      onDrop={(event) => {
        if (!event.dataTransfer.files.length) return;
        event.preventDefault();
        files.add(event.dataTransfer.files);
      }}
      className="border-t border-neutral-200 bg-white px-3 pb-3 pt-2 sm:px-4"
    >
      <PendingUploads uploads={files.uploads} onRemove={files.remove} />
      <div className="relative flex items-end gap-2">
        {mentions.popup}
        <AttachButton onFiles={files.add} />
        <textarea
          ref={textarea}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            typing.typed(event.target.value);
            mentions.track(event.target);
            draft.typed(event.target.value);
          }}
          onSelect={(event) => mentions.track(event.currentTarget)}
          onKeyDown={(event) =>
            mentions.onKeyDown(event) || handleMessageKeys(event, { submit: send })
          }
          {...mentions.inputProps}
          dir="auto"
          onBlur={typing.stop}
          rows={1}
          // A conversation opens ready to answer (the page is keyed by conversation: a new mount).
          autoFocus
          aria-label={t('composer.label')}
          aria-describedby={`${hintId} ${counterId}`}
          aria-invalid={tooLong || undefined}
          placeholder={t('composer.placeholder')}
          data-testid="composer"
          className="field-sizing-content max-h-40 min-h-10 flex-1 resize-none rounded-xl border border-neutral-300 bg-neutral-50 px-3 py-2 text-[0.95rem] text-neutral-900 placeholder:text-neutral-500 focus:border-red-600 focus:bg-white focus:outline-none focus:ring-2 focus:ring-red-600/30"
        />
        <button
          type="submit"
          disabled={!canSend}
          aria-label={t('composer.send')}
          title={t('composer.send')}
          className="inline-flex size-10 shrink-0 items-center justify-center rounded-xl bg-red-700 text-white shadow-sm hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:bg-neutral-300"
        >
          <Icon name="send" />
        </button>
      </div>
      <div className="mt-1 flex items-center gap-3 text-xs text-neutral-500">
        <span id={hintId} className="hidden sm:inline">
          {t('composer.hint')}
        </span>
        <span
          id={counterId}
          data-testid="composer-counter"
          aria-live="polite"
          className={`ml-auto tabular-nums ${tooLong ? 'font-semibold text-red-700' : ''}`}
        >
          {tooLong
            ? t('composer.tooLong', { max })
            : body.length >= COUNTER_FROM
              ? t('composer.counter', { count: body.length, max })
              : ''}
        </span>
      </div>
    </form>
  );
}
