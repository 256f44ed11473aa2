import { useEffect } from 'react';
import { Outlet } from 'react-router';
import i18n from '../i18n';
import { useSocket } from '../lib/socket';
import { useCurrentUser } from '../features/auth/queries';
import { Toaster } from '../components/ui/Toaster';
import { NotificationPermissionBanner } from '../features/notifications/components/NotificationPermissionBanner';
import { useTabTitle } from '../features/notifications/hooks/useTabTitle';
import { AppHeader } from './AppHeader';
import { useSocketEventRouter } from './socketEventRouter';

export function AppLayout() {
  const { locale } = useCurrentUser();
  // One live connection per tab while signed in; its events keep the cached data current.
  useSocket();
  useSocketEventRouter();
  useTabTitle();

  // Once signed in, the language saved in the user's profile wins over this browser's.
  useEffect(() => {
    if (i18n.resolvedLanguage !== locale) void i18n.changeLanguage(locale);
  }, [locale]);

  return (
    // The viewport's height exactly: lists and the conversation scroll inside, the header stays.
    <div className="flex h-dvh flex-col bg-neutral-50">
      <AppHeader />
      <NotificationPermissionBanner />
      <main className="mx-auto flex min-h-0 w-full max-w-5xl flex-1 flex-col md:px-4 md:py-4">
        <Outlet />
      </main>
      <Toaster />
    </div>
  );
}
