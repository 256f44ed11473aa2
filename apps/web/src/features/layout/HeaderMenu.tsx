import { LOCALES, type Locale } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/ui/Icon';
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
} from '../../components/ui/Menu';
import { WithUserText } from '../../components/ui/WithUserText';
import { isLocale } from '../../i18n';

interface HeaderMenuProps {
  userName: string;
  locale: Locale;
  onChangeLocale: (locale: Locale) => void;
  onSignOut: () => void;
}

/** The header's actions on narrow screens: language and sign-out behind one button. */
export function HeaderMenu({ userName, locale, onChangeLocale, onSignOut }: HeaderMenuProps) {
  const { t } = useTranslation();
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
        <MenuLabel className="px-2 pb-1 pt-1.5 text-xs font-medium uppercase tracking-wide text-neutral-500">
          {t('language.label')}
        </MenuLabel>
        <MenuRadioGroup
          value={locale}
          onValueChange={(value) => isLocale(value) && value !== locale && onChangeLocale(value)}
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
      </MenuContent>
    </Menu>
  );
}
