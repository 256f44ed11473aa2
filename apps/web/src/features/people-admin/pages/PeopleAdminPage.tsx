import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/Spinner';
import { SearchInput } from '../../../components/ui/SearchInput';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useCurrentUser } from '../../auth/queries';
import { PageFrame } from '../../../components/PageFrame';
import { useUsers } from '../../people/hooks/useUsers';
import { AddPersonForm } from '../components/AddPersonForm';
import { PersonRow } from '../components/PersonRow';
import { StorageUsage } from '../components/StorageUsage';

/**
 * `/admin/people`: the people of my organisation, added, deactivated and reactivated, and what
 * their files take of its storage quota.
 */
export function PeopleAdminPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [q, setQ] = useState('');
  const people = useUsers(useDebouncedValue(q, 250));

  return (
    <PageFrame title={t('peopleAdmin.title')}>
      <div className="space-y-4 pb-4">
        <AddPersonForm />
        <StorageUsage />
        <SearchInput
          value={q}
          onChange={setQ}
          aria-label={t('peopleAdmin.search')}
          placeholder={t('peopleAdmin.searchPlaceholder')}
          className="block w-full"
        />
        {people.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : people.isError ? (
          <p role="alert">{t('peopleAdmin.loadFailed')}</p>
        ) : (
          <ul
            aria-label={t('peopleAdmin.title')}
            className="divide-y divide-neutral-200 rounded-xl bg-white ring-1 ring-neutral-200"
          >
            {people.data.items.map((person) => (
              <PersonRow key={person.id} person={person} isMe={person.id === me.id} />
            ))}
          </ul>
        )}
      </div>
    </PageFrame>
  );
}
