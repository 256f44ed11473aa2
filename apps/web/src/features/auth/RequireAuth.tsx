import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Spinner } from '../../components/Spinner';
import { isNetworkError } from '../../lib/api';
import { useHasSession, useMe } from './queries';

/**
 * Renders the protected pages once the user is known. Without a session (never signed in,
 * signed out in another tab, or a refused token refresh) it sends the user to /login and
 * remembers where they were going.
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const hasSession = useHasSession();
  const location = useLocation();
  const me = useMe();

  if (!hasSession) return <Navigate to="/login" replace state={{ from: location }} />;

  if (me.isPending) {
    return (
      <div className="flex min-h-dvh items-center justify-center">
        <Spinner label={t('app.loading')} />
      </div>
    );
  }

  if (me.isError) {
    return (
      <div className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
        <p role="alert" className="text-neutral-800">
          {isNetworkError(me.error) ? t('session.unreachable') : t('session.loadFailed')}
        </p>
        <button
          type="button"
          onClick={() => void me.refetch()}
          className="rounded-lg bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          {t('session.retry')}
        </button>
      </div>
    );
  }

  return <Outlet />;
}
