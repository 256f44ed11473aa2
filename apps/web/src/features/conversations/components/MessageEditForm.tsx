import { MESSAGING_LIMITS } from '@mindsp/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handleMessageKeys } from './messageKeys';

/** My message's body, editable in place of the bubble's text. */
export function MessageEditForm({
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

  return (
    <form onSubmit={submit} className="flex min-w-[min(16rem,70vw)] flex-col gap-2">
      <textarea
        aria-label={t('conversation.editLabel')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => handleMessageKeys(event, { submit, cancel: onCancel })}
        autoFocus
        dir="auto"
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
