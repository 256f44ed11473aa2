import type { Locale } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/BrandMark';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { currentLocale } from '../i18n';
import { useMediaQuery } from '../lib/useMediaQuery';
import { useCurrentUser, useLogout, useUpdateLocale } from '../features/auth/queries';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { ProfilePopover } from '../features/profile/components/ProfilePopover';
import { HeaderMenu } from './HeaderMenu';

export function AppHeader() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const updateLocale = useUpdateLocale();
  const logout = useLogout();
  // Below Tailwind's `sm`, the language switch and sign-out fold into the menu.
  const wide = useMediaQuery('(min-width: 40rem)');

  const locale = currentLocale();
  const changeLocale = (next: Locale) => updateLocale.mutate(next);
  const signOut = () => logout.mutate();

  return (
    <header className="sticky top-0 z-10 bg-red-700 text-white shadow-sm">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-2 px-4 sm:gap-3">
        <BrandMark className="size-7 shrink-0 sm:size-8" />
        <span className="shrink-0 text-[0.95rem] font-semibold tracking-tight sm:text-base">
          {t('app.name')}
        </span>
        <div className="ml-auto flex min-w-0 items-center gap-2 sm:gap-3">
          <span
            data-testid="current-user"
            title={t('header.signedInAs', { name: user.displayName })}
            className="min-w-0 truncate text-sm font-medium"
          >
            {/* My profile: where I change my name and status. */}
            <ProfilePopover userId={user.id}>
              <bdi>{user.displayName}</bdi>
            </ProfilePopover>
          </span>
          <NotificationBell />
          {wide && (
            <>
              <LanguageSwitch tone="onDark" value={locale} onChange={changeLocale} />
              <button
                type="button"
                onClick={signOut}
                disabled={logout.isPending}
                className="shrink-0 rounded-lg px-3 py-1.5 text-sm font-semibold ring-1 ring-white/40 transition-colors hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white disabled:opacity-70"
              >
                {t('header.logout')}
              </button>
            </>
          )}
          <HeaderMenu
            userName={user.displayName}
            isAdmin={user.role === 'admin'}
            compact={!wide}
            locale={locale}
            onChangeLocale={changeLocale}
            onSignOut={signOut}
          />
        </div>
      </div>
      {updateLocale.isError && (
        <p role="alert" className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-900">
          {t('language.saveFailed')}
        </p>
      )}
    </header>
  );
}
