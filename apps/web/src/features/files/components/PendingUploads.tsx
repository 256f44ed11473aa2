import { FILE_LIMITS } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';
import type { Upload } from '../hooks/useAttachmentUploads';
import { useFileSize } from './FileSize';

/** The files attached in the composer: progress while uploading, ready, or why they failed. */
export function PendingUploads({
  uploads,
  onRemove,
}: {
  uploads: Upload[];
  onRemove: (key: string) => void;
}) {
  const { t } = useTranslation();
  const size = useFileSize();
  if (!uploads.length) return null;
  return (
    <ul className="mb-2 flex flex-wrap gap-2" data-testid="pending-uploads">
      {uploads.map((upload) => {
        const percent = Math.round(upload.progress * 100);
        const reason =
          upload.error === 'tooLarge'
            ? t('files.tooLarge', { max: size(FILE_LIMITS.maxBytesDefault) })
            : upload.error === 'quotaFull' || upload.error === 'imageTooLarge'
              ? t(`files.${upload.error}`)
              : upload.error === 'refused'
                ? t('files.refused')
                : t('files.uploadError');
        return (
          <li
            key={upload.key}
            data-testid="pending-upload"
            data-status={upload.status}
            className={`flex max-w-64 items-center gap-2 rounded-lg border px-2 py-1 text-xs ${
              upload.status === 'failed'
                ? 'border-red-300 bg-red-50 text-red-900'
                : 'border-neutral-300 bg-neutral-50 text-neutral-800'
            }`}
          >
            <Icon name="file" className="size-4 shrink-0" />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium" dir="auto">
                {upload.name}
              </span>
              {upload.status === 'uploading' && (
                <progress
                  max={100}
                  value={percent}
                  aria-label={t('files.uploading', { name: upload.name, percent })}
                  className="block h-1 w-full accent-red-700"
                />
              )}
              {upload.status === 'ready' && (
                <span className="sr-only">{t('files.ready', { name: upload.name })}</span>
              )}
              {upload.status === 'failed' && (
                <span role="alert" className="block">
                  {t('files.failed', { name: upload.name, reason })}
                </span>
              )}
            </span>
            <button
              type="button"
              onClick={() => onRemove(upload.key)}
              aria-label={t('files.remove', { name: upload.name })}
              className="shrink-0 rounded p-0.5 hover:bg-neutral-200 focus-visible:outline-2 focus-visible:outline-red-700"
            >
              <Icon name="close" className="size-3.5" />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
