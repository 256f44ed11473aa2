import type { QuietHours } from '@mindsp/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, inputClass } from '../../../components/form/FormField';

/** The IANA zones this browser knows, the saved one included even if it does not. */
function timeZones(current: string): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

/** Quiet hours: emails wait until they end (urgent alerts do not). */
export function QuietHoursFields({
  value,
  onChange,
}: {
  value: QuietHours;
  onChange: (next: QuietHours) => void;
}) {
  const { t } = useTranslation();
  const zones = useMemo(() => timeZones(value.timeZone), [value.timeZone]);
  const set = <K extends keyof QuietHours>(key: K, next: QuietHours[K]) =>
    onChange({ ...value, [key]: next });

  return (
    <fieldset className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-neutral-200">
      <legend className="px-1 font-semibold text-neutral-900">{t('settings.quietHours')}</legend>
      <label className="flex items-center gap-2 text-sm text-neutral-900">
        <input
          type="checkbox"
          checked={value.enabled}
          onChange={(event) => set('enabled', event.target.checked)}
          className="size-4 accent-red-700"
        />
        {t('settings.quietHoursEnabled')}
      </label>
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label={t('settings.quietStart')}>
          {(id) => (
            <input
              id={id}
              type="time"
              required
              value={value.start}
              onChange={(event) => set('start', event.target.value)}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField label={t('settings.quietEnd')}>
          {(id) => (
            <input
              id={id}
              type="time"
              required
              value={value.end}
              onChange={(event) => set('end', event.target.value)}
              className={inputClass}
            />
          )}
        </FormField>
        <FormField label={t('settings.timeZone')}>
          {(id) => (
            <select
              id={id}
              value={value.timeZone}
              onChange={(event) => set('timeZone', event.target.value)}
              className={inputClass}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <p className="text-xs text-neutral-600">{t('settings.quietHoursHint')}</p>
    </fieldset>
  );
}
