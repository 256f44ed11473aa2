import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/ui/Icon';

/**
 * Floats at the bottom of the history while the user reads further up; says how many messages
 * came in below since they left the bottom. Sticky inside the scrolling list, so it needs no
 * wrapper around it.
 */
export function JumpToLatest({ count, onJump }: { count: number; onJump: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="pointer-events-none sticky bottom-0 h-0">
      <button
        type="button"
        onClick={onJump}
        data-testid="jump-to-latest"
        title={t('reading.jumpToLatest')}
        className="pointer-events-auto absolute right-2 bottom-2 inline-flex items-center gap-1.5 rounded-full bg-white px-3 py-1.5 text-xs font-semibold text-neutral-800 shadow-md ring-1 ring-neutral-200 hover:bg-neutral-50 focus-visible:outline-2 focus-visible:outline-red-700"
      >
        {count > 0 && (
          <span data-testid="jump-to-latest-count">
            {t('reading.jumpToLatestCount', { count })}
          </span>
        )}
        {/* Named by its content, the count first: the name holds what is seen (WCAG 2.5.3). */}
        <span className="sr-only"> {t('reading.jumpToLatest')}</span>
        <Icon name="latest" className="size-4" />
      </button>
    </div>
  );
}
