import type { SearchHit } from '@mindsp/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemBoundary } from '../../../components/ui/ItemBoundary';

interface SearchResultsProps {
  hits: SearchHit[];
  failed: boolean;
  /** The answer for the words typed now came back empty (not an older answer still shown). */
  empty: boolean;
  label: string;
  className?: string;
  renderHit: (hit: SearchHit) => ReactNode;
}

/** The answer of a search, whatever its scope: the failure, "nothing found", or the hits. */
export function SearchResults({
  hits,
  failed,
  empty,
  label,
  className,
  renderHit,
}: SearchResultsProps) {
  const { t } = useTranslation();
  if (failed)
    return (
      <p role="alert" className="text-sm text-red-800">
        {t('globalSearch.failed')}
      </p>
    );
  if (empty) return <p className="text-sm text-neutral-600">{t('globalSearch.none')}</p>;
  return (
    <ul aria-label={label} className={className}>
      {hits.map((hit) => (
        <li key={hit.message.id}>
          <ItemBoundary what={`search hit ${hit.message.id}`}>{renderHit(hit)}</ItemBoundary>
        </li>
      ))}
    </ul>
  );
}
