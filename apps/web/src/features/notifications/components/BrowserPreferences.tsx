import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { soundSetting } from '../browser/localSetting';
import { playChime } from '../browser/sound';

/** This browser's own settings: browser notifications (the permission) and the sound. */
export function BrowserPreferences() {
  const { t } = useTranslation();
  const sound = soundSetting.use();
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(() =>
    supported ? Notification.permission : 'denied',
  );

  return (
    <fieldset className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-neutral-200">
      <legend className="px-1 font-semibold text-neutral-900">{t('settings.browser')}</legend>
      <p className="flex flex-wrap items-center gap-2 text-sm text-neutral-800">
        {!supported ? t('settings.desktopUnsupported') : t(`settings.desktop.${permission}`)}
        {supported && permission === 'default' && (
          <Button onClick={() => void Notification.requestPermission().then(setPermission)}>
            {t('notifications.permission.enable')}
          </Button>
        )}
      </p>
      <label className="flex items-center gap-2 text-sm text-neutral-900">
        <input
          type="checkbox"
          checked={sound}
          onChange={(event) => {
            soundSetting.set(event.target.checked);
            if (event.target.checked) playChime();
          }}
          className="size-4 accent-red-700"
        />
        {t('settings.sound')}
      </label>
    </fieldset>
  );
}
