import { DEFAULT_ATTACHMENT_TYPES } from '@mindsp/contracts';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';

/** The paperclip of the composer: picks one or more files. */
export function AttachButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        // A hint to the picker; the server checks the bytes whatever is picked.
        accept={DEFAULT_ATTACHMENT_TYPES.join(',')}
        data-testid="attach-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          event.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
      <button
        type="button"
        onClick={() => input.current?.click()}
        aria-label={t('files.attach')}
        title={t('files.attach')}
        className="inline-flex size-10 shrink-0 items-center justify-center rounded-xl text-neutral-600 hover:bg-neutral-100 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
      >
        <Icon name="attach" />
      </button>
    </>
  );
}
