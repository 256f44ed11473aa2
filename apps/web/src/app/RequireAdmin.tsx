import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useCurrentUser } from '../features/auth/queries';
import { PageFrame } from '../components/PageFrame';

/**
 * The admin pages' guard. A member who follows a link to one is told plainly that it is for
 * admins, instead of being sent elsewhere without a word.
 */
export function RequireAdmin() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (me.role === 'admin') return <Outlet />;
  return (
    <PageFrame title={t('admin.notAllowedTitle')}>
      <div data-testid="not-allowed" className="rounded-xl bg-white p-6 ring-1 ring-neutral-200">
        <p role="alert" className="text-neutral-800">
          {t('admin.notAllowed')}
        </p>
        <Link to="/messages" className="mt-4 inline-block font-semibold text-red-700 underline">
          {t('admin.backToMessages')}
        </Link>
      </div>
    </PageFrame>
  );
}
