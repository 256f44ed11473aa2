import { EMAIL_DIGESTS, type NotificationSettings } from '@mindsp/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/Spinner';
import { Button } from '../../../components/ui/Button';
import { isApiError } from '../../../lib/api';
import { FormField, inputBaseClass } from '../../../components/form/FormField';
import { PageFrame } from '../../../components/PageFrame';
import { BrowserPreferences } from '../components/BrowserPreferences';
import { QuietHoursFields } from '../components/QuietHoursFields';
import { TypePreferences } from '../components/TypePreferences';
import {
  useNotificationSettings,
  useSaveNotificationSettings,
} from '../hooks/useNotificationSettings';

/** `/settings/notifications`: what reaches me, how, and when. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  return (
    <PageFrame title={t('settings.title')}>
      {settings.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : settings.isError ? (
        <p role="alert" className="text-neutral-800">
          {t('settings.loadFailed')}
        </p>
      ) : (
        <SettingsForm saved={settings.data} />
      )}
    </PageFrame>
  );
}

function SettingsForm({ saved }: { saved: NotificationSettings }) {
  const { t } = useTranslation();
  const save = useSaveNotificationSettings();
  const [draft, setDraft] = useState(saved);
  const change = (next: NotificationSettings) => {
    setDraft(next);
    save.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-label={t('settings.title')}>
      <TypePreferences value={draft.types} onChange={(types) => change({ ...draft, types })} />
      <QuietHoursFields
        value={draft.quietHours}
        onChange={(quietHours) => change({ ...draft, quietHours })}
      />
      <div className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
        <FormField label={t('settings.digest')} hint={t('settings.digestHint')}>
          {(id) => (
            <select
              id={id}
              value={draft.emailDigest}
              onChange={(event) =>
                change({
                  ...draft,
                  emailDigest: event.target.value as NotificationSettings['emailDigest'],
                })
              }
              className={`${inputBaseClass} w-full sm:w-64`}
            >
              {EMAIL_DIGESTS.map((digest) => (
                <option key={digest} value={digest}>
                  {t(`settings.digests.${digest}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <BrowserPreferences />
      <div className="flex flex-wrap items-center gap-3 pb-4">
        <Button type="submit" disabled={save.isPending} className="px-4 py-2">
          {t('settings.save')}
        </Button>
        {save.isSuccess && (
          <p role="status" className="text-sm text-green-800">
            {t('settings.saved')}
          </p>
        )}
        {save.isError && (
          <p role="alert" className="text-sm text-red-800">
            {isApiError(save.error, 400)
              ? t('settings.invalid', { reason: save.error.message })
              : t('settings.saveFailed')}
          </p>
        )}
      </div>
    </form>
  );
}
