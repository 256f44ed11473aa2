import { MESSAGING_LIMITS, type ConversationView } from '@mindsp/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { InlineConfirm } from '../../../components/ui/InlineConfirm';
import { SearchInput } from '../../../components/ui/SearchInput';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { Avatar } from '../../people/components/Avatar';
import { useIsOnline } from '../../people/hooks/useIsOnline';
import { useUsers } from '../../people/hooks/useUsers';
import { useGroupSettings } from '../hooks/useGroupSettings';
import { useMembers } from '../hooks/useMembers';
import { ProfilePopover } from '../../profile/components/ProfilePopover';
import { ClosePanelButton } from '../../../components/ui/ClosePanelButton';

/** A group's members and settings: rename it, add people, leave it. */
export function GroupDetails({
  conversation,
  myId,
  onClose,
}: {
  conversation: ConversationView;
  myId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section
      aria-label={t('conversation.details')}
      data-testid="group-details"
      className="max-h-[60%] space-y-4 overflow-y-auto border-b border-neutral-200 bg-neutral-50 px-3 py-3 sm:px-4"
    >
      <div className="flex items-start gap-2">
        <RenameForm conversation={conversation} />
        <ClosePanelButton
          label={t('conversation.detailsClose')}
          onClick={onClose}
          className="ml-auto"
        />
      </div>
      <MemberList conversation={conversation} myId={myId} />
      <AddPeople conversation={conversation} />
      <LeaveGroup conversationId={conversation.id} />
    </section>
  );
}

/** The members a page at a time: the view carries the first ones, "show more" asks for the rest. */
function MemberList({ conversation, myId }: { conversation: ConversationView; myId: string }) {
  const { t } = useTranslation();
  const pages = useMembers(conversation.id, conversation.memberCount);
  const members = pages.data?.pages.flatMap((page) => page.items) ?? conversation.members;
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-neutral-500">
        {t('conversation.memberList', { count: conversation.memberCount })}
      </h3>
      <ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-2">
        {members.map((member) => (
          <MemberItem
            key={member.id}
            id={member.id}
            name={member.displayName}
            isMe={member.id === myId}
          />
        ))}
      </ul>
      {pages.hasNextPage && (
        <button
          type="button"
          onClick={() => void pages.fetchNextPage()}
          disabled={pages.isFetchingNextPage}
          data-testid="members-more"
          className="mt-2 text-sm font-semibold text-red-700 hover:underline disabled:text-neutral-400"
        >
          {pages.isFetchingNextPage ? t('app.loading') : t('conversations.loadMore')}
        </button>
      )}
    </div>
  );
}

function MemberItem({ id, name, isMe }: { id: string; name: string; isMe: boolean }) {
  const { t } = useTranslation();
  const online = useIsOnline(id);
  return (
    <li className="flex items-center gap-2 text-sm text-neutral-800">
      <Avatar name={name} online={online === undefined ? undefined : online} size="sm" />
      <span>
        <ProfilePopover userId={id}>
          <bdi>{name}</bdi>
        </ProfilePopover>
        {isMe && <span className="text-neutral-500"> ({t('conversation.you')})</span>}
      </span>
    </li>
  );
}

function RenameForm({ conversation }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const { rename } = useGroupSettings(conversation.id);
  const [title, setTitle] = useState(conversation.title ?? '');
  const inputId = useId();
  const trimmed = title.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed && trimmed !== conversation.title) rename.mutate(trimmed);
  };

  return (
    <form onSubmit={submit} className="min-w-0 flex-1">
      <label
        htmlFor={inputId}
        className="block text-xs font-semibold uppercase tracking-wide text-neutral-500"
      >
        {t('conversation.rename')}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={inputId}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={MESSAGING_LIMITS.titleMaxLength}
          required
          className="min-w-0 flex-1 rounded-lg border border-neutral-300 bg-white px-3 py-1.5 text-sm text-neutral-900 focus:border-red-600 focus:outline-none focus:ring-2 focus:ring-red-600/30"
        />
        <button
          type="submit"
          disabled={!trimmed || trimmed === conversation.title || rename.isPending}
          className="shrink-0 rounded-lg bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:bg-neutral-300"
        >
          {t('conversation.renameSave')}
        </button>
      </div>
      {rename.isError && (
        <p role="alert" className="mt-1 text-xs text-red-800">
          {t('conversation.renameFailed')}
        </p>
      )}
    </form>
  );
}

function AddPeople({ conversation }: { conversation: ConversationView }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const inputId = useId();
  const term = useDebouncedValue(q.trim(), 250);
  const users = useUsers(term);
  const { addMembers: add } = useGroupSettings(conversation.id);
  const memberIds = new Set(conversation.members.map((member) => member.id));
  const candidates = (users.data?.items ?? [])
    // A deactivated person cannot be added (the API refuses them): not offered.
    .filter((user) => user.active && !memberIds.has(user.id))
    .slice(0, 8);

  return (
    <div>
      <label
        htmlFor={inputId}
        className="block text-xs font-semibold uppercase tracking-wide text-neutral-500"
      >
        {t('conversation.addPeople')}
      </label>
      <SearchInput
        id={inputId}
        value={q}
        onChange={setQ}
        tone="panel"
        placeholder={t('conversation.addPeoplePlaceholder')}
        className="mt-1 block w-full"
      />
      {users.isSuccess && candidates.length === 0 ? (
        <p className="mt-1.5 text-sm text-neutral-500">{t('conversation.nobodyToAdd')}</p>
      ) : (
        <ul className="mt-1.5 space-y-1">
          {candidates.map((user) => (
            <li key={user.id} className="flex items-center gap-2 text-sm">
              <Avatar name={user.displayName} online={Boolean(user.online)} size="sm" />
              <bdi className="min-w-0 flex-1 truncate">{user.displayName}</bdi>
              <button
                type="button"
                onClick={() => add.mutate([user.id])}
                disabled={add.isPending}
                className="rounded-md px-2 py-1 font-semibold text-red-700 ring-1 ring-red-200 hover:bg-red-50 disabled:opacity-60"
              >
                {t('conversation.add')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {add.isError && (
        <p role="alert" className="mt-1 text-xs text-red-800">
          {t('conversation.addFailed')}
        </p>
      )}
    </div>
  );
}

function LeaveGroup({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { leave } = useGroupSettings(conversationId);
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="text-sm font-semibold text-red-800 underline underline-offset-2"
      >
        {t('conversation.leave')}
      </button>
    );
  }
  return (
    <div>
      <InlineConfirm
        label={t('conversation.leave')}
        question={t('conversation.confirmLeave')}
        confirm={t('conversation.leave')}
        onConfirm={() =>
          leave.mutate(undefined, { onSuccess: () => navigate('/messages', { replace: true }) })
        }
        onCancel={() => setConfirming(false)}
        busy={leave.isPending}
      />
      {leave.isError && (
        <p role="alert" className="mt-1 w-full text-xs text-red-800">
          {t('conversation.leaveFailed')}
        </p>
      )}
    </div>
  );
}
