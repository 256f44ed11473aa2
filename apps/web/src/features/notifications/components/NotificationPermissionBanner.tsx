import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { permissionAskedSetting } from '../browser/localSetting';

const supported = () => typeof Notification !== 'undefined';

/**
 * Asks once, with the reason, before the browser's own permission prompt: a prompt out of the
 * blue is what people refuse. "Later" is remembered in this browser; the setting page can ask again.
 */
export function NotificationPermissionBanner() {
  const { t } = useTranslation();
  const asked = permissionAskedSetting.use();
  const [permission, setPermission] = useState(() =>
    supported() ? Notification.permission : 'denied',
  );
  if (asked || permission !== 'default') return null;

  const enable = async () => {
    permissionAskedSetting.set(true);
    setPermission(await Notification.requestPermission());
  };
  return (
    <div
      role="region"
      aria-label={t('notifications.permission.label')}
      className="flex flex-wrap items-center justify-center gap-x-3 gap-y-1 bg-amber-50 px-4 py-2 text-sm text-amber-950"
    >
      <span>{t('notifications.permission.why')}</span>
      <Button onClick={() => void enable()}>{t('notifications.permission.enable')}</Button>
      <Button variant="quiet" onClick={() => permissionAskedSetting.set(true)}>
        {t('notifications.permission.later')}
      </Button>
    </div>
  );
}
