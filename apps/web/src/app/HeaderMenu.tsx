import { LOCALES, type Locale } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Icon, type IconName } from '../components/ui/Icon';
import {
  Menu,
  MenuContent,
  MenuItem,
  MenuItemIndicator,
  MenuLabel,
  MenuRadioGroup,
  MenuRadioItem,
  MenuSeparator,
  MenuTrigger,
} from '../components/ui/Menu';
import { WithUserText } from '../components/ui/WithUserText';
import { isLocale } from '../i18n';

interface HeaderMenuProps {
  userName: string;
  isAdmin: boolean;
  /** Narrow screens: the language and sign-out, which have no room in the header, come here too. */
  compact: boolean;
  locale: Locale;
  onChangeLocale: (locale: Locale) => void;
  onSignOut: () => void;
}

/** Where the menu's pages are, each with its icon; the admin ones for admins only. */
const PAGES: { to: string; label: PageLabel; icon: IconName; admin: boolean }[] = [
  { to: '/settings/notifications', label: 'settings', icon: 'settings', admin: false },
  { to: '/admin/queues', label: 'queues', icon: 'queues', admin: true },
  { to: '/admin/people', label: 'people', icon: 'people', admin: true },
  { to: '/admin/announcements', label: 'announcement', icon: 'announcement', admin: true },
  { to: '/alerts/new', label: 'alert', icon: 'alert', admin: true },
];
type PageLabel = 'settings' | 'queues' | 'people' | 'announcement' | 'alert';

/** The header's menu: my settings and the admin pages; on narrow screens, language and sign-out. */
export function HeaderMenu({
  userName,
  isAdmin,
  compact,
  locale,
  onChangeLocale,
  onSignOut,
}: HeaderMenuProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pages = PAGES.filter((page) => isAdmin || !page.admin);
  return (
    <Menu>
      <MenuTrigger
        aria-label={t('header.menu')}
        className="shrink-0 rounded-lg p-2 ring-1 ring-white/40 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white data-[state=open]:bg-white/15"
      >
        <Icon name="menu" />
      </MenuTrigger>
      <MenuContent sideOffset={8} className="min-w-48 max-w-[calc(100vw-1rem)] p-1.5">
        {/* The header may truncate a long name; the menu shows it whole. */}
        <MenuLabel className="px-2 py-1.5 text-sm text-neutral-600">
          <WithUserText values={{ name: userName }} render={(v) => t('header.signedInAs', v)} />
        </MenuLabel>
        <MenuSeparator />
        {pages.map((page) => (
          <MenuItem key={page.to} onSelect={() => void navigate(page.to)} className="gap-2 py-2">
            <Icon name={page.icon} className="size-4 text-neutral-600" />
            {t(`header.pages.${page.label}`)}
          </MenuItem>
        ))}
        {compact && (
          <>
            <MenuSeparator />
            <MenuLabel className="px-2 pb-1 pt-1.5 text-xs font-medium uppercase tracking-wide text-neutral-500">
              {t('language.label')}
            </MenuLabel>
            <MenuRadioGroup
              value={locale}
              onValueChange={(value) =>
                isLocale(value) && value !== locale && onChangeLocale(value)
              }
            >
              {LOCALES.map((option) => (
                <MenuRadioItem key={option} value={option} lang={option} className="gap-2 py-2">
                  <span className="flex size-4 items-center justify-center">
                    <MenuItemIndicator>
                      <Icon name="selected" className="size-4 text-red-700" />
                    </MenuItemIndicator>
                  </span>
                  {t(`language.${option}`)}
                </MenuRadioItem>
              ))}
            </MenuRadioGroup>
            <MenuSeparator />
            <MenuItem onSelect={onSignOut} className="gap-2 py-2 font-semibold text-red-800">
              {t('header.logout')}
            </MenuItem>
          </>
        )}
      </MenuContent>
    </Menu>
  );
}
