import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { isApiError } from '../../../lib/api';
import { PageFrame } from '../../../components/PageFrame';
import { type TitleAndBody, TitleAndBodyFields } from '../../../components/form/TitleAndBodyFields';
import { useAnnounce } from '../hooks/useAnnounce';

/** `/admin/announcements`: an admin notifies everyone in the organisation (type `system`). */
export function AnnouncementPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [message, setMessage] = useState<TitleAndBody>({ title: '', body: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    announce.mutate(
      { title: message.title.trim(), body: message.body.trim() },
      { onSuccess: () => setMessage({ title: '', body: '' }) },
    );
  };

  return (
    <PageFrame title={t('announcements.title')}>
      <form onSubmit={submit} className="space-y-4 rounded-xl bg-white p-4 ring-1 ring-neutral-200">
        <p className="text-sm text-neutral-700">{t('announcements.hint')}</p>
        <TitleAndBodyFields
          value={message}
          onChange={setMessage}
          rows={5}
          labels={{ title: t('announcements.subject'), body: t('announcements.body') }}
        />
        {announce.isError && (
          <p role="alert" className="text-sm text-red-800">
            {isApiError(announce.error, 400)
              ? `${t('announcements.invalid')} ${announce.error.message}`
              : t('announcements.failed')}
          </p>
        )}
        {announce.isSuccess && (
          <p role="status" className="text-sm text-green-800">
            {t('announcements.sent')}
          </p>
        )}
        <Button type="submit" disabled={announce.isPending} className="px-4 py-2">
          {t('announcements.send')}
        </Button>
      </form>
    </PageFrame>
  );
}
