import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../i18n';
import { dayLabel } from '../dates';

/** The line between two days of the history: today, yesterday, or the date. */
export function DaySeparator({ day, now }: { day: string; now: Date }) {
  const { t } = useTranslation();
  const label = dayLabel(day, now);
  const text =
    label.kind === 'today'
      ? t('conversation.today')
      : label.kind === 'yesterday'
        ? t('conversation.yesterday')
        : new Intl.DateTimeFormat(currentLocale(), {
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            year: label.sameYear ? undefined : 'numeric',
          }).format(label.date);
  return (
    <div
      role="separator"
      aria-label={text}
      data-testid="day-separator"
      className="my-3 flex items-center gap-3 px-2 text-xs font-medium text-neutral-500"
    >
      <span className="h-px flex-1 bg-neutral-200" />
      <span className="first-letter:uppercase">{text}</span>
      <span className="h-px flex-1 bg-neutral-200" />
    </div>
  );
}
