import { MESSAGING_LIMITS, type UserSummary } from '@mindsp/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Spinner } from '../../../components/Spinner';
import { SearchInput } from '../../../components/ui/SearchInput';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useCurrentUser } from '../../auth/queries';
import { Avatar } from '../../people/components/Avatar';
import { BackToList } from '../components/BackToList';
import { useUsers } from '../../people/hooks/useUsers';
import { useCreateConversation } from '../hooks/useCreateConversation';

/**
 * /messages/new: pick people of the organisation. One person opens (or creates) the direct
 * conversation with them; several make a group, which needs a title.
 */
export function NewConversationPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const term = useDebouncedValue(q.trim(), 250);
  const users = useUsers(term);
  const [selected, setSelected] = useState<UserSummary[]>([]);
  const [title, setTitle] = useState('');
  const create = useCreateConversation();
  const titleId = useId();
  const titleHintId = useId();

  const isGroup = selected.length > 1;
  // A deactivated person cannot be written to (the API refuses them): not offered.
  const candidates = (users.data?.items ?? []).filter((user) => user.active && user.id !== me.id);
  const canCreate =
    selected.length > 0 && (!isGroup || title.trim().length > 0) && !create.isPending;

  const toggle = (user: UserSummary) =>
    setSelected((current) =>
      current.some((item) => item.id === user.id)
        ? current.filter((item) => item.id !== user.id)
        : [...current, user],
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canCreate) return;
    const memberIds = selected.map((user) => user.id);
    create.mutate(
      isGroup ? { kind: 'group', title: title.trim(), memberIds } : { kind: 'direct', memberIds },
      {
        onSuccess: (conversation) => navigate(`/messages/${conversation.id}`, { replace: true }),
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      aria-labelledby="new-conversation-title"
      className="flex min-h-0 flex-1 flex-col overflow-hidden bg-white md:rounded-2xl md:shadow-sm md:ring-1 md:ring-neutral-200"
    >
      <header className="flex items-center gap-3 border-b border-neutral-200 px-3 py-3 sm:px-4">
        <BackToList />
        <h2 id="new-conversation-title" className="font-semibold text-neutral-900">
          {t('newConversation.title')}
        </h2>
      </header>

      <div className="space-y-3 border-b border-neutral-100 px-3 py-3 sm:px-4">
        {selected.length > 0 && (
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-neutral-500">
              {t('newConversation.selected')}
            </p>
            <ul className="mt-1 flex flex-wrap gap-1.5">
              {selected.map((user) => (
                <li key={user.id}>
                  <button
                    type="button"
                    onClick={() => toggle(user)}
                    aria-label={t('newConversation.remove', { name: user.displayName })}
                    className="inline-flex items-center gap-1 rounded-full bg-red-50 py-1 pl-3 pr-2 text-sm font-medium text-red-900 ring-1 ring-red-200 hover:bg-red-100"
                  >
                    <bdi>{user.displayName}</bdi>
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {isGroup && (
          <div>
            <label htmlFor={titleId} className="block text-sm font-medium text-neutral-800">
              {t('newConversation.groupTitle')}
            </label>
            <input
              id={titleId}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
              required
              maxLength={MESSAGING_LIMITS.titleMaxLength}
              aria-describedby={titleHintId}
              className="mt-1 block w-full rounded-lg border border-neutral-300 px-3 py-2 text-sm focus:border-red-600 focus:outline-none focus:ring-2 focus:ring-red-600/30"
            />
            <p id={titleHintId} className="mt-1 text-xs text-neutral-500">
              {t('newConversation.groupTitleHint')}
            </p>
          </div>
        )}
        <SearchInput
          value={q}
          onChange={setQ}
          aria-label={t('newConversation.searchLabel')}
          placeholder={t('newConversation.searchPlaceholder')}
          className="block w-full"
        />
      </div>

      <fieldset className="min-h-0 flex-1 overflow-y-auto">
        <legend className="sr-only">{t('newConversation.people')}</legend>
        {users.isPending ? (
          <div className="p-4">
            <Spinner label={t('app.loading')} />
          </div>
        ) : users.isError ? (
          <p role="alert" className="p-4 text-sm text-neutral-800">
            {t('newConversation.loadFailed')}
          </p>
        ) : candidates.length === 0 ? (
          <p className="p-4 text-sm text-neutral-600">
            {t('newConversation.noUsers', { q: term })}
          </p>
        ) : (
          <ul className="divide-y divide-neutral-100">
            {candidates.map((user) => {
              const checked = selected.some((item) => item.id === user.id);
              return (
                <li key={user.id}>
                  <label
                    data-testid="user-option"
                    className="flex cursor-pointer items-center gap-3 px-3 py-2.5 hover:bg-neutral-50 sm:px-4"
                  >
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={() => toggle(user)}
                      className="size-4 accent-red-700"
                    />
                    <Avatar name={user.displayName} online={Boolean(user.online)} size="sm" />
                    <span className="min-w-0 flex-1">
                      <bdi className="block truncate text-sm font-medium text-neutral-900">
                        {user.displayName}
                      </bdi>
                      <span className="block truncate text-xs text-neutral-500">{user.email}</span>
                    </span>
                    <span className="sr-only">
                      {t(user.online ? 'presence.online' : 'presence.offline')}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>

      <footer className="flex flex-wrap items-center gap-3 border-t border-neutral-200 px-3 py-3 sm:px-4">
        {create.isError ? (
          <p role="alert" className="text-sm font-medium text-red-800">
            {t('newConversation.failed')}
          </p>
        ) : (
          selected.length === 0 && (
            <p className="text-sm text-neutral-600">{t('newConversation.pick')}</p>
          )
        )}
        <div className="ml-auto flex gap-2">
          <Link
            to="/messages"
            className="rounded-lg px-3 py-2 text-sm font-semibold text-neutral-700 hover:bg-neutral-100"
          >
            {t('newConversation.cancel')}
          </Link>
          <button
            type="submit"
            disabled={!canCreate}
            className="rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 disabled:bg-neutral-300"
          >
            {create.isPending
              ? t('newConversation.creating')
              : t(isGroup ? 'newConversation.createGroup' : 'newConversation.openDirect')}
          </button>
        </div>
      </footer>
    </form>
  );
}
