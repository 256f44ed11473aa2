import { LIMITS } from '@mindsp/contracts';
import { type FormEvent, type InputHTMLAttributes, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { BrandMark } from '../../components/BrandMark';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { currentLocale } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatWait, retryAfterOf } from '../../lib/retryAfter';
import { loginErrorKind } from './loginError';
import { useHasSession, useLogin } from './queries';

/** Where `RequireAuth` sent the user from, so signing in takes them back there. */
function useReturnPath(): string {
  const { state } = useLocation();
  const from = (state as { from?: { pathname?: string; search?: string; hash?: string } } | null)
    ?.from;
  if (!from?.pathname || from.pathname === '/login') return '/messages';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const hasSession = useHasSession();
  const returnPath = useReturnPath();
  const login = useLogin();

  if (hasSession) return <Navigate to={returnPath} replace />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate({
      tenant: String(form.get('tenant')).trim().toLowerCase(),
      email: String(form.get('email')).trim(),
      password: String(form.get('password')),
    });
  }

  return (
    <div className="flex min-h-dvh flex-col bg-neutral-100">
      {/* A landmark, as everything on the page: those who move by landmarks reach the switch. */}
      <header className="flex justify-end p-4">
        <LanguageSwitch
          value={currentLocale()}
          onChange={(locale) => void i18n.changeLanguage(locale)}
        />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-12 sm:items-center">
        <div className="w-full max-w-sm">
          <div className="mb-6 flex items-center gap-3">
            <div className="rounded-xl bg-red-700 p-1.5 shadow-sm">
              <BrandMark className="size-9" />
            </div>
            <div>
              <p className="text-lg font-bold text-neutral-900">{t('app.name')}</p>
              <p className="text-sm text-neutral-600">{t('app.tagline')}</p>
            </div>
          </div>
          <section className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-neutral-200 sm:p-8">
            <h1 className="text-xl font-semibold text-neutral-900">{t('login.title')}</h1>
            <p className="mt-1 text-sm text-neutral-600">{t('login.subtitle')}</p>
            <form className="mt-6 space-y-4" onSubmit={submit}>
              <LoginField
                name="tenant"
                label={t('login.tenant')}
                hint={t('login.tenantHint')}
                placeholder="demo"
                autoComplete="organization"
                autoCapitalize="none"
                spellCheck={false}
              />
              <LoginField
                name="email"
                type="email"
                label={t('login.email')}
                autoComplete="username"
              />
              <LoginField
                name="password"
                type="password"
                label={t('login.password')}
                autoComplete="current-password"
                maxLength={LIMITS.passwordMaxLength}
              />
              {login.isError && <LoginError error={login.error} />}
              <button
                type="submit"
                disabled={login.isPending}
                className="w-full rounded-lg bg-red-700 px-4 py-2.5 font-semibold text-white shadow-sm transition-colors hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:cursor-wait disabled:opacity-70"
              >
                {login.isPending ? t('login.submitting') : t('login.submit')}
              </button>
            </form>
          </section>
        </div>
      </main>
    </div>
  );
}

interface LoginFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: string;
}

function LoginField({ name, label, hint, type = 'text', ...input }: LoginFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-neutral-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        required
        aria-describedby={hint ? hintId : undefined}
        className="mt-1 block w-full rounded-lg border border-neutral-300 bg-white px-3 py-2 text-neutral-900 shadow-xs placeholder:text-neutral-400 focus:border-red-600 focus:outline-none focus:ring-2 focus:ring-red-600/30"
        {...input}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-neutral-500">
          {hint}
        </p>
      )}
    </div>
  );
}

function LoginError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const kind = loginErrorKind(error);
  const status = isApiError(error) ? error.status : '—';
  const wait = retryAfterOf(error);
  return (
    <p
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-800"
    >
      {kind === 'unexpected'
        ? t('login.errors.unexpected', { status })
        : kind === 'tooManyAttempts' && wait !== undefined
          ? t('login.errors.tooManyAttemptsFor', { wait: formatWait(wait, t) })
          : t(`login.errors.${kind}`)}
    </p>
  );
}
