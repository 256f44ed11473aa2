import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../components/Spinner';
import { currentLocale } from '../../../i18n';
import { useCurrentUser } from '../../auth/queries';
import { Avatar } from '../../people/components/Avatar';
import { useProfile } from '../hooks/useProfile';
import { EditProfileForm } from './EditProfileForm';

/** Who someone is: name, role, status text, and whether they are online or when last seen. */
export function ProfileCard({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const profile = useProfile(userId);
  const [editing, setEditing] = useState(false);
  if (!profile.data) return <Spinner label={t('app.loading')} />;
  const person = profile.data;

  if (editing) return <EditProfileForm profile={person} onDone={() => setEditing(false)} />;
  return (
    <div data-testid="profile-card" className="space-y-2 text-sm">
      <div className="flex items-center gap-3">
        <Avatar name={person.displayName} online={person.online} />
        <div className="min-w-0">
          <p data-testid="profile-name" className="truncate font-semibold text-neutral-900">
            <bdi>{person.displayName}</bdi>
          </p>
          <p data-testid="profile-role" className="text-xs text-neutral-600">
            {t(person.role === 'admin' ? 'profile.role_admin' : 'profile.role_member')}
          </p>
        </div>
      </div>
      <p
        data-testid="profile-status"
        dir="auto"
        className={person.statusText ? 'text-neutral-900' : 'italic text-neutral-500'}
      >
        {person.statusText ?? t('profile.noStatus')}
      </p>
      <p data-testid="profile-presence" className="text-xs text-neutral-600">
        {!person.active
          ? t('profile.deactivated')
          : person.online
            ? t('profile.online')
            : person.lastSeenAt
              ? t('profile.lastSeen', {
                  when: new Intl.DateTimeFormat(currentLocale(), {
                    dateStyle: 'medium',
                    timeStyle: 'short',
                    hourCycle: 'h23',
                  }).format(new Date(person.lastSeenAt)),
                })
              : t('profile.neverSeen')}
      </p>
      {person.id === me.id && (
        <button
          type="button"
          onClick={() => setEditing(true)}
          data-testid="profile-edit"
          className="text-sm font-semibold text-red-700 hover:underline"
        >
          {t('profile.edit')}
        </button>
      )}
    </div>
  );
}
