import { useTranslation } from 'react-i18next';
import { useFileSize } from '../../files/components/FileSize';
import { useStorageUsage } from '../hooks/useStorageUsage';

/** The organisation's file storage: used of quota, as words and a bar. */
export function StorageUsage() {
  const { t } = useTranslation();
  const size = useFileSize();
  const usage = useStorageUsage();
  if (usage.isPending) return null;
  if (usage.isError) return <p role="alert">{t('peopleAdmin.storageFailed')}</p>;
  const { usedBytes, quotaBytes } = usage.data;
  const percent = Math.min(100, Math.round((usedBytes / quotaBytes) * 100));
  return (
    <section
      aria-label={t('peopleAdmin.storage')}
      className="rounded-xl bg-white p-3 text-sm ring-1 ring-neutral-200"
    >
      <h2 className="font-medium">{t('peopleAdmin.storage')}</h2>
      <p data-testid="storage-usage">
        {t('peopleAdmin.storageUsed', { used: size(usedBytes), quota: size(quotaBytes), percent })}
      </p>
      <meter
        className="mt-1 block w-full"
        min={0}
        max={quotaBytes}
        low={quotaBytes * 0.8}
        high={quotaBytes * 0.95}
        optimum={0}
        value={usedBytes}
        aria-label={t('peopleAdmin.storage')}
      />
    </section>
  );
}
