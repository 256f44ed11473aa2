import { LOCALES, type Locale } from '@mindsp/contracts';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
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
  const item =
    'flex cursor-pointer select-none items-center gap-2 rounded-md px-2 py-2 text-sm text-neutral-800 outline-none data-[highlighted]:bg-red-50 data-[highlighted]:text-red-900';

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={t('header.menu')}
        className="shrink-0 rounded-lg p-2 ring-1 ring-white/40 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white data-[state=open]:bg-white/15"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" className="size-5 fill-current">
          <path d="M3 5h14v1.6H3zm0 4.2h14v1.6H3zm0 4.2h14V15H3z" />
        </svg>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={8}
          collisionPadding={8}
          className="z-20 min-w-48 max-w-[calc(100vw-1rem)] rounded-xl bg-white p-1.5 shadow-lg ring-1 ring-neutral-200"
        >
          {/* The header may truncate a long name; the menu shows it whole. */}
          <DropdownMenu.Label className="px-2 py-1.5 text-sm text-neutral-600">
            {t('header.signedInAs', { name: userName })}
          </DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-neutral-200" />
          <DropdownMenu.Label className="px-2 pb-1 pt-1.5 text-xs font-medium uppercase tracking-wide text-neutral-500">
            {t('language.label')}
          </DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={locale}
            onValueChange={(value) => isLocale(value) && value !== locale && onChangeLocale(value)}
          >
            {LOCALES.map((option) => (
              <DropdownMenu.RadioItem key={option} value={option} lang={option} className={item}>
                <span className="flex size-4 items-center justify-center">
                  <DropdownMenu.ItemIndicator>
                    <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4 fill-red-700">
                      <path d="M6.4 11.2 3.2 8l-1 1 4.2 4.2 7.4-7.4-1-1z" />
                    </svg>
                  </DropdownMenu.ItemIndicator>
                </span>
                {t(`language.${option}`)}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-neutral-200" />
          <DropdownMenu.Item onSelect={onSignOut} className={`${item} font-semibold text-red-800`}>
            {t('header.logout')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
