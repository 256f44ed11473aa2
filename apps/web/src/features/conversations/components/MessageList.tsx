import type { ConversationView, MessageView } from '@mindsp/contracts';
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../../lib/useNow';
import { withDaySeparators } from '../dates';
import { firstUnreadSeq, newSince, startsRun } from '../reading';
import { JumpToLatest } from './JumpToLatest';
import { MessageBubble } from './MessageBubble';
import { DaySeparator } from './DaySeparator';
import { MessageBoundary } from './MessageBoundary';
import { PendingMessageBubble } from './PendingMessageBubble';
import { SenderName } from './SenderName';
import { TimelineNote } from './TimelineNote';
import { UnreadDivider } from './UnreadDivider';
import { ProfilePopover } from '../../profile/components/ProfilePopover';
import type { PendingMessage } from '../cache/pending';

interface MessageListProps {
  conversation: ConversationView;
  messages: MessageView[];
  pending: PendingMessage[];
  myId: string;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  onRetry: (pending: PendingMessage) => void;
  onDiscard: (pending: PendingMessage) => void;
  /** A message to bring into view (from a search hit); `onJumped` says when done, or not found. */
  jumpTo: { seq: number } | null;
  onJumped: (found: boolean) => void;
}

/** Within this many pixels of the bottom, the user is reading the latest: follow new messages. */
const BOTTOM_SLACK_PX = 80;

const atBottom = (element: HTMLElement) =>
  element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK_PX;

/**
 * The history, oldest at the top, with a separator per day. Scrolling near the top loads older
 * pages without moving what the user reads; new messages scroll into view if the user was at
 * the bottom (or sent them).
 */
export function MessageList(props: MessageListProps) {
  const {
    conversation,
    messages,
    pending,
    myId,
    hasOlder,
    loadingOlder,
    loadOlder,
    jumpTo,
    onJumped,
  } = props;
  const { t } = useTranslation();
  const now = useNow();
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const timeline = useMemo(() => withDaySeparators(messages), [messages]);
  // The watermark as the conversation opened: "New messages" stays where it was while marking
  // read moves the live one.
  const [readAtOpen] = useState(conversation.lastReadSeq);
  const unreadFrom = firstUnreadSeq(messages, readAtOpen, myId);
  // What the user has had in view at the bottom: the count on "jump to latest" is what came after.
  const [seenUpTo, setSeenUpTo] = useState(readAtOpen);
  const [reading, setReading] = useState(false);
  const latestSeq = messages.at(-1)?.seq ?? 0;

  const first = messages[0]?.seq;
  const last = pending.length ? pending.at(-1)!.clientMessageId : messages.at(-1)?.seq;
  const lastIsMine = pending.length > 0 || messages.at(-1)?.senderId === myId;

  // Where the user was before this render: restores the view after older messages are added
  // above, and tells whether to follow new ones below.
  const view = useRef<{
    height: number;
    top: number;
    first?: number;
    last?: string | number;
    following: boolean;
  }>({
    height: 0,
    top: 0,
    following: true,
  });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const before = view.current;
    if (before.first === undefined && before.last === undefined) {
      // Opening with unread messages: start at the first of them, not at the bottom.
      const divider = element.querySelector<HTMLElement>('[data-testid="unread-divider"]');
      element.scrollTop = divider
        ? element.scrollTop +
          divider.getBoundingClientRect().top -
          element.getBoundingClientRect().top -
          8
        : element.scrollHeight;
    } else if (first !== before.first && last === before.last) {
      element.scrollTop = before.top + (element.scrollHeight - before.height);
    } else if (last !== before.last && (before.following || lastIsMine)) {
      element.scrollTop = element.scrollHeight;
    }
    view.current = {
      height: element.scrollHeight,
      top: element.scrollTop,
      first,
      last,
      following: atBottom(element),
    };
  }, [first, last, lastIsMine]);

  // The composer growing or the window resizing shrinks the list: stay at the bottom if there.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (view.current.following) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Older pages as the top comes near. Re-created after each page so a short history keeps loading.
  useEffect(() => {
    const root = scroller.current;
    const target = sentinel.current;
    if (!root || !target || !hasOlder || loadingOlder) return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && loadOlder(),
      {
        root,
        rootMargin: '300px 0px 0px 0px',
      },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasOlder, loadingOlder, loadOlder, first]);

  // A search hit: bring it into view, loading older pages until it is there.
  useEffect(() => {
    if (!jumpTo) return;
    const target = scroller.current?.querySelector<HTMLElement>(`[data-seq="${jumpTo.seq}"]`);
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.animate(
        [{ backgroundColor: 'rgb(253 230 138)' }, { backgroundColor: 'transparent' }],
        { duration: 2_000, easing: 'ease-out' },
      );
      onJumped(true);
    } else if (hasOlder && (first ?? 0) > jumpTo.seq) {
      if (!loadingOlder) loadOlder();
    } else {
      onJumped(false);
    }
  }, [jumpTo, first, hasOlder, loadingOlder, loadOlder, onJumped]);

  const remember = () => {
    const element = scroller.current;
    if (!element) return;
    const following = atBottom(element);
    // Left the bottom just now: what was there had been seen.
    const wasFollowing = view.current.following;
    view.current = {
      ...view.current,
      height: element.scrollHeight,
      top: element.scrollTop,
      following,
    };
    setReading(!following);
    if ((following || wasFollowing) && latestSeq > seenUpTo) setSeenUpTo(latestSeq);
  };

  const jumpToLatest = () => {
    const element = scroller.current;
    if (element) element.scrollTo({ top: element.scrollHeight, behavior: 'smooth' });
  };

  return (
    <div
      ref={scroller}
      onScroll={remember}
      role="log"
      aria-label={t('conversation.history')}
      data-testid="message-list"
      className="min-h-0 flex-1 overflow-y-auto px-2 py-3 [overflow-anchor:none] sm:px-4"
    >
      <div ref={sentinel} className="flex justify-center py-2 text-xs text-neutral-500">
        {hasOlder ? (
          <button
            type="button"
            onClick={loadOlder}
            disabled={loadingOlder}
            className="rounded-full px-3 py-1 hover:bg-neutral-200 disabled:cursor-wait"
          >
            {loadingOlder ? t('conversation.loadingOlder') : t('conversation.loadOlder')}
          </button>
        ) : messages.length ? (
          <span>{t('conversation.beginning')}</span>
        ) : null}
      </div>

      {!messages.length && !pending.length && (
        <p className="py-10 text-center text-sm text-neutral-500">{t('conversation.empty')}</p>
      )}

      {timeline.map((item, index) => {
        if (item.kind === 'day')
          return <DaySeparator key={`day-${item.day}`} day={item.day} now={now} />;
        const { message } = item;
        if (message.note)
          return (
            <MessageBoundary key={message.id} message={message} mine={false}>
              <TimelineNote message={message} note={message.note} conversation={conversation} />
            </MessageBoundary>
          );
        const previous = timeline[index - 1];
        const unreadHere = message.seq === unreadFrom;
        // A run (one name, one time) ends at a day, a pause, another sender, a note, or "New messages".
        const newRun =
          unreadHere ||
          startsRun(
            previous?.kind === 'message' && !previous.message.note ? previous.message : undefined,
            message,
          );
        const mine = message.senderId === myId;
        return (
          <Fragment key={message.id}>
            {unreadHere && <UnreadDivider />}
            <MessageBoundary message={message} mine={mine}>
              <MessageBubble
                message={message}
                conversation={conversation}
                mine={mine}
                continued={!newRun}
                sender={
                  conversation.kind === 'group' && !mine && newRun ? (
                    <ProfilePopover userId={message.senderId}>
                      <SenderName conversation={conversation} userId={message.senderId} />
                    </ProfilePopover>
                  ) : undefined
                }
              />
            </MessageBoundary>
          </Fragment>
        );
      })}

      {pending.map((item) => (
        <PendingMessageBubble
          key={item.clientMessageId}
          pending={item}
          onRetry={() => props.onRetry(item)}
          onDiscard={() => props.onDiscard(item)}
        />
      ))}

      {reading && <JumpToLatest count={newSince(messages, seenUpTo, myId)} onJump={jumpToLatest} />}
    </div>
  );
}
