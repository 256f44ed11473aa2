import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './ErrorBoundary';

/**
 * One item of a list that shows what users wrote (a conversation, a pinned message, a search hit,
 * a notification): if it fails to display, a placeholder takes its place and the list stays.
 */
export function ItemBoundary({
  what,
  as: Tag = 'p',
  children,
}: {
  /** Names the item in the report (see ErrorBoundary). */
  what: string;
  /** The placeholder's element: `li` where the item itself is the list's item. */
  as?: 'p' | 'li';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ErrorBoundary
      what={what}
      fallback={
        <Tag data-testid="item-unavailable" className="px-3 py-2 text-sm italic text-neutral-500">
          {t('errors.itemUnavailable')}
        </Tag>
      }
    >
      {children}
    </ErrorBoundary>
  );
}
