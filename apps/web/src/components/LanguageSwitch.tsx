import { LOCALES, type Locale } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';

interface LanguageSwitchProps {
  value: Locale;
  onChange: (locale: Locale) => void;
  /** `onDark` for the red header, `onLight` for light backgrounds. */
  tone?: 'onDark' | 'onLight';
}

/**
 * FR | EN toggle; each button is named in its own language so anyone can find theirs. The name
 * starts with the code shown ("EN English"), so that a speech-input user who says what they
 * see reaches the button (WCAG 2.5.3, label in name).
 */
export function LanguageSwitch({ value, onChange, tone = 'onLight' }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const frame =
    tone === 'onDark' ? 'bg-red-900/40 ring-white/25' : 'bg-neutral-100 ring-neutral-300';
  const idle =
    tone === 'onDark' ? 'text-white/85 hover:bg-white/10' : 'text-neutral-600 hover:bg-neutral-200';
  const active =
    tone === 'onDark' ? 'bg-white text-red-800 shadow-sm' : 'bg-white text-neutral-900 shadow-sm';

  return (
    <div
      role="group"
      aria-label={t('language.label')}
      data-testid="language-switch"
      className={`inline-flex shrink-0 rounded-lg p-0.5 ring-1 ${frame}`}
    >
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={value === locale}
          onClick={() => value !== locale && onChange(locale)}
          className={`rounded-md px-2.5 py-1 text-xs font-semibold tracking-wide transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-current ${value === locale ? active : idle}`}
        >
          {locale.toUpperCase()}
          <span className="sr-only"> {t(`language.${locale}`)}</span>
        </button>
      ))}
    </div>
  );
}
