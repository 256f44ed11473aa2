import { PROFILE_LIMITS, type UserSummary } from '@mindsp/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateProfile } from '../hooks/useUpdateProfile';

const input =
  'mt-1 block w-full rounded-lg border border-neutral-300 bg-white px-3 py-1.5 text-sm text-neutral-900 focus:border-red-600 focus:outline-none focus:ring-2 focus:ring-red-600/30';

/** My display name and status text; a blank status clears it. */
export function EditProfileForm({ profile, onDone }: { profile: UserSummary; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [statusText, setStatusText] = useState(profile.statusText ?? '');
  const nameId = useId();
  const statusId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!displayName.trim()) return;
    update.mutate(
      { displayName: displayName.trim(), statusText: statusText.trim() },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} className="space-y-2 text-sm" data-testid="profile-form">
      <div>
        <label htmlFor={nameId} className="text-xs font-semibold text-neutral-600">
          {t('profile.displayName')}
        </label>
        <input
          id={nameId}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          maxLength={PROFILE_LIMITS.displayNameMaxLength}
          required
          data-testid="profile-display-name"
          className={input}
        />
      </div>
      <div>
        <label htmlFor={statusId} className="text-xs font-semibold text-neutral-600">
          {t('profile.statusText')}
        </label>
        <input
          id={statusId}
          value={statusText}
          onChange={(event) => setStatusText(event.target.value)}
          maxLength={PROFILE_LIMITS.statusTextMaxLength}
          placeholder={t('profile.statusPlaceholder')}
          data-testid="profile-status-text"
          className={input}
        />
      </div>
      {update.isError && (
        <p role="alert" className="text-xs font-medium text-red-800">
          {t('profile.saveFailed')}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onDone}
          className="rounded-lg px-3 py-1.5 hover:bg-neutral-100"
        >
          {t('profile.cancel')}
        </button>
        <button
          type="submit"
          disabled={update.isPending || !displayName.trim()}
          data-testid="profile-save"
          className="rounded-lg bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800 disabled:bg-neutral-300"
        >
          {t('profile.save')}
        </button>
      </div>
    </form>
  );
}
