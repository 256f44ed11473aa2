import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { isApiError } from '../../../lib/api';
import { BODY_MAX, TITLE_MAX } from '../../alerts/pages/NewAlertPage';
import { FormField, inputClass } from '../../layout/FormField';
import { PageFrame } from '../../layout/PageFrame';
import { useAnnounce } from '../hooks/useAnnounce';

/** `/admin/announcements`: an admin notifies everyone in the organisation (type `system`). */
export function AnnouncementPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    announce.mutate(
      { title: title.trim(), body: body.trim() },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
        },
      },
    );
  };

  return (
    <PageFrame title={t('announcements.title')}>
      <form onSubmit={submit} className="space-y-4 rounded-xl bg-white p-4 ring-1 ring-neutral-200">
        <p className="text-sm text-neutral-700">{t('announcements.hint')}</p>
        <FormField label={t('announcements.subject')}>
          {(id) => (
            <input
              id={id}
              required
              maxLength={TITLE_MAX}
              dir="auto"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField label={t('announcements.body')}>
          {(id) => (
            <textarea
              id={id}
              required
              rows={5}
              maxLength={BODY_MAX}
              dir="auto"
              value={body}
              onChange={(event) => setBody(event.target.value)}
              className={inputClass}
            />
          )}
        </FormField>
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
