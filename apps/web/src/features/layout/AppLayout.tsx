import { useEffect } from 'react';
import { Outlet } from 'react-router';
import i18n from '../../i18n';
import { useCurrentUser } from '../auth/queries';
import { AppHeader } from './AppHeader';

export function AppLayout() {
  const { locale } = useCurrentUser();

  // Once signed in, the language saved in the user's profile wins over this browser's.
  useEffect(() => {
    if (i18n.resolvedLanguage !== locale) void i18n.changeLanguage(locale);
  }, [locale]);

  return (
    <div className="flex min-h-dvh flex-col bg-neutral-50">
      <AppHeader />
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}
