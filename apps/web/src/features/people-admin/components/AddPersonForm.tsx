import { LIMITS, ROLES, type Role } from '@mindsp/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { isApiError } from '../../../lib/api';
import { FormField, inputClass } from '../../../components/form/FormField';
import { usePeopleAdmin } from '../hooks/usePeopleAdmin';

/** Adds a person to my organisation with an initial password they can sign in with. */
export function AddPersonForm() {
  const { t } = useTranslation();
  const { create } = usePeopleAdmin();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [added, setAdded] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    create.mutate(
      { email: email.trim(), displayName: displayName.trim(), password, role },
      {
        onSuccess: (person) => {
          setAdded(person.displayName);
          setEmail('');
          setDisplayName('');
          setPassword('');
          setRole('member');
        },
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      aria-label={t('peopleAdmin.add')}
      data-testid="add-person"
      className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-neutral-200"
    >
      <h2 className="font-semibold text-neutral-900">{t('peopleAdmin.add')}</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label={t('peopleAdmin.displayName')}>
          {(id) => (
            <input
              id={id}
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
              maxLength={100}
              required
              className={inputClass}
            />
          )}
        </FormField>
        <FormField label={t('peopleAdmin.email')}>
          {(id) => (
            <input
              id={id}
              type="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              required
              className={inputClass}
            />
          )}
        </FormField>
        <FormField label={t('peopleAdmin.password')}>
          {(id) => (
            <input
              id={id}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              minLength={8}
              maxLength={LIMITS.passwordMaxLength}
              required
              className={inputClass}
            />
          )}
        </FormField>
        <FormField label={t('peopleAdmin.role')}>
          {(id) => (
            <select
              id={id}
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
              className={inputClass}
            >
              {ROLES.map((value) => (
                <option key={value} value={value}>
                  {t(value === 'admin' ? 'profile.role_admin' : 'profile.role_member')}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={create.isPending}>
          {t('peopleAdmin.create')}
        </Button>
        <p aria-live="polite" className="text-sm">
          {added && (
            <span className="text-green-800">{t('peopleAdmin.created', { name: added })}</span>
          )}
          {create.isError && (
            <span role="alert" className="text-red-800">
              {isApiError(create.error, 409)
                ? t('peopleAdmin.emailTaken')
                : t('peopleAdmin.createFailed')}
            </span>
          )}
        </p>
      </div>
    </form>
  );
}
