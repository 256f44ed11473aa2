import { useTranslation } from 'react-i18next';

/** The list of the user's conversations; for now only its empty state. */
export function ConversationsPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="conversations-title">
      <h1 id="conversations-title" className="text-xl font-semibold text-neutral-900">
        {t('conversations.title')}
      </h1>
      <div className="mt-6 flex flex-col items-center rounded-2xl border border-dashed border-neutral-300 bg-white px-6 py-14 text-center">
        <svg viewBox="0 0 24 24" aria-hidden="true" className="size-10 fill-none stroke-red-700 stroke-[1.5]">
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M8 10h8M8 14h5m-8 6 2.2-3.3A8 8 0 1 1 20 12a8 8 0 0 1-8 8H5Z"
          />
        </svg>
        <p className="mt-4 font-medium text-neutral-900">{t('conversations.emptyTitle')}</p>
        <p className="mt-1 max-w-sm text-sm text-neutral-600">{t('conversations.emptyBody')}</p>
      </div>
    </section>
  );
}
