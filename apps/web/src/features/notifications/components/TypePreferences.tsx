import {
  NOTIFICATION_TYPES,
  type ChannelPreference,
  type NotificationSettings,
  type NotificationType,
} from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';

type Types = NotificationSettings['types'];
const CHANNELS = ['inApp', 'email'] as const satisfies (keyof ChannelPreference)[];

/** Per type of notification, in the app and by email; urgent alerts always reach everyone. */
export function TypePreferences({
  value,
  onChange,
}: {
  value: Types;
  onChange: (next: Types) => void;
}) {
  const { t } = useTranslation();
  const set = (type: NotificationType, channel: keyof ChannelPreference, on: boolean) =>
    onChange({ ...value, [type]: { ...value[type], [channel]: on } });

  return (
    <fieldset className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
      <legend className="px-1 font-semibold text-neutral-900">{t('settings.types')}</legend>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-neutral-600">
            <th className="py-1.5 font-medium">{t('settings.type')}</th>
            {CHANNELS.map((channel) => (
              <th key={channel} className="w-24 py-1.5 text-center font-medium">
                {t(`settings.channels.${channel}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_TYPES.map((type) => (
            <tr key={type} className="border-t border-neutral-100">
              <th scope="row" className="py-2 text-left font-normal text-neutral-900">
                {t(`settings.typeNames.${type}`)}
                {type === 'alert' && (
                  <span className="block text-xs text-neutral-600">
                    {t('settings.alertAlways')}
                  </span>
                )}
              </th>
              {CHANNELS.map((channel) => (
                <td key={channel} className="py-2 text-center">
                  <input
                    type="checkbox"
                    aria-label={t('settings.toggle', {
                      type: t(`settings.typeNames.${type}`),
                      channel: t(`settings.channels.${channel}`),
                    })}
                    // An alert bypasses preferences: shown on, and not switchable.
                    checked={type === 'alert' ? true : value[type][channel]}
                    disabled={type === 'alert'}
                    onChange={(event) => set(type, channel, event.target.checked)}
                    className="size-4 accent-red-700"
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
