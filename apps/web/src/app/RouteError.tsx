import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';

/**
 * A page that failed to display, in place of that page only (each route's errorElement): the
 * layout around it (header, conversation list) stays, with a way back, instead of React Router's
 * error page in place of the whole app.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  useEffect(() => {
    // The SPA has no error-reporting service: the console is where it goes.
    console.error('Could not display the page', error);
  }, [error]);
  return (
    <div data-testid="page-unavailable" className="flex flex-1 items-center justify-center p-4">
      <div className="max-w-md rounded-xl bg-white p-6 ring-1 ring-neutral-200">
        <h1 className="text-lg font-semibold text-neutral-900">{t('errors.pageTitle')}</h1>
        <p role="alert" className="mt-2 text-neutral-700">
          {t('errors.page')}
        </p>
        <div className="mt-4 flex flex-wrap gap-4">
          <Link to="/messages" className="font-semibold text-red-700 underline">
            {t('errors.backToMessages')}
          </Link>
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="text-neutral-700 underline"
          >
            {t('errors.reload')}
          </button>
        </div>
      </div>
    </div>
  );
}
