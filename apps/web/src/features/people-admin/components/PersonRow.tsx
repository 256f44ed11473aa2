import type { UserSummary } from '@mindsp/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { InlineConfirm } from '../../../components/ui/InlineConfirm';
import { usePeopleAdmin } from '../hooks/usePeopleAdmin';

/** One person: name, email, role, whether active; deactivate (after a confirmation) or reactivate. */
export function PersonRow({ person, isMe }: { person: UserSummary; isMe: boolean }) {
  const { t } = useTranslation();
  const { setActive } = usePeopleAdmin();
  const [confirming, setConfirming] = useState(false);
  const change = (active: boolean) =>
    setActive.mutate({ userId: person.id, active }, { onSuccess: () => setConfirming(false) });

  return (
    <li
      data-testid="person-row"
      data-user-id={person.id}
      data-active={person.active}
      className="space-y-2 px-4 py-3"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-neutral-900">
            <bdi>{person.displayName}</bdi>
            {isMe && <span className="text-neutral-500"> {t('peopleAdmin.you')}</span>}
          </p>
          <p className="truncate text-xs text-neutral-600">
            {person.email} ·{' '}
            {t(person.role === 'admin' ? 'profile.role_admin' : 'profile.role_member')}
          </p>
        </div>
        <span
          data-testid="person-state"
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${person.active ? 'bg-green-100 text-green-900' : 'bg-neutral-200 text-neutral-700'}`}
        >
          {t(person.active ? 'peopleAdmin.active' : 'peopleAdmin.inactive')}
        </span>
        {!isMe &&
          (person.active ? (
            <Button variant="quiet" onClick={() => setConfirming(true)} disabled={confirming}>
              {t('peopleAdmin.deactivate')}
            </Button>
          ) : (
            <Button variant="quiet" onClick={() => change(true)} disabled={setActive.isPending}>
              {t('peopleAdmin.reactivate')}
            </Button>
          ))}
      </div>
      {confirming && (
        <InlineConfirm
          question={t('peopleAdmin.confirmDeactivate', { name: person.displayName })}
          confirm={t('peopleAdmin.deactivate')}
          onConfirm={() => change(false)}
          onCancel={() => setConfirming(false)}
          busy={setActive.isPending}
        />
      )}
      {setActive.isError && (
        <p role="alert" className="text-xs font-medium text-red-800">
          {t('peopleAdmin.actionFailed')}
        </p>
      )}
    </li>
  );
}
