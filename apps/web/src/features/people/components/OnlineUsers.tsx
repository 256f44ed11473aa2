import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/queries';
import { Avatar } from './Avatar';
import { useOnlineUsers } from '../hooks/useOnlineUsers';
import { usePresence } from '../hooks/usePresence';
import { firstName } from '../names';

interface OnlineUsersProps {
  /** A tap on someone: the conversations feature opens the direct conversation with them. */
  onOpen: (userId: string) => void;
  /** While one is opening, the others wait. */
  opening: boolean;
}

/** Who of my organisation is online now; a tap opens the direct conversation with them. */
export function OnlineUsers({ onOpen, opening }: OnlineUsersProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useOnlineUsers();
  const presence = usePresence();
  // Those shown are followed: one who leaves goes at once, without waiting for the next page.
  const online = (users.data?.items ?? []).filter(
    (user) => (presence[user.id]?.online ?? user.online) && user.id !== me.id,
  );

  return (
    <section
      aria-labelledby="online-users-title"
      data-testid="online-users"
      className="border-b border-neutral-100 px-4 pb-3 pt-1"
    >
      <h2
        id="online-users-title"
        className="flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-neutral-500"
      >
        <span className="size-2 rounded-full bg-emerald-500" aria-hidden="true" />
        {t('presence.title')}
        {online.length > 0 && <span className="font-normal normal-case">({online.length})</span>}
      </h2>
      {users.isSuccess && online.length === 0 ? (
        <p className="mt-1.5 text-sm text-neutral-500">{t('presence.nobody')}</p>
      ) : (
        <ul className="-mx-1 mt-1.5 flex gap-1 overflow-x-auto pb-1">
          {online.map((user) => (
            <li key={user.id} className="shrink-0">
              <button
                type="button"
                onClick={() => onOpen(user.id)}
                disabled={opening}
                title={t('presence.openWith', { name: user.displayName })}
                aria-label={t('presence.openWith', { name: user.displayName })}
                data-testid="online-user"
                className="flex w-16 flex-col items-center gap-1 rounded-lg p-1 text-center hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-red-700 disabled:opacity-60"
              >
                <Avatar name={user.displayName} online size="sm" />
                <span className="w-full truncate text-xs text-neutral-700">
                  <bdi>{firstName(user.displayName)}</bdi>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
