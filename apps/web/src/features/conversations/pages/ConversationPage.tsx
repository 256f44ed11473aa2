import type { ConversationView } from '@mindsp/contracts';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Spinner } from '../../../components/Spinner';
import { isApiError } from '../../../lib/api';
import { useSocketEvent } from '../../../lib/socket';
import { useCurrentUser } from '../../auth/queries';
import { flattenMessages } from '../cache/messages';
import { Composer } from '../components/Composer';
import { ConversationHeader } from '../components/ConversationHeader';
import { ConversationSearch } from '../../search/components/ConversationSearch';
import { GroupDetails } from '../components/GroupDetails';
import { MessageList } from '../components/MessageList';
import { PinnedMessages } from '../components/PinnedMessages';
import { useConversation } from '../hooks/useConversation';
import { useMarkRead } from '../hooks/useMarkRead';
import { useMessages } from '../hooks/useMessages';
import { usePendingMessages } from '../hooks/usePendingMessages';
import { useSendMessage } from '../hooks/useSendMessage';
import { TypingIndicator } from '../components/TypingIndicator';
import { Button } from '../../../components/ui/Button';
import { ErrorBoundary } from '../../../components/ui/ErrorBoundary';
import { ReplyProvider, useReplyControls } from '../replies/ReplyContext';
import { ReplyPreview } from '../replies/ReplyPreview';

/** /messages/:id; keyed by the id so nothing (draft, search, scroll) carries over to another conversation. */
export function ConversationRoute() {
  const { id = '' } = useParams();
  return (
    <ReplyProvider key={id}>
      <ConversationPage conversationId={id} />
    </ReplyProvider>
  );
}

const frame =
  'flex min-h-0 flex-1 flex-col overflow-hidden bg-white md:rounded-2xl md:shadow-sm md:ring-1 md:ring-neutral-200';

export function ConversationPage({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const conversation = useConversation(conversationId);
  const history = useMessages(conversationId);
  const pending = usePendingMessages(conversationId);
  const { send, retry, discard } = useSendMessage(conversationId);
  // One panel under the header at a time: search, or the group's details.
  const [panel, setPanel] = useState<'search' | 'details' | 'pins' | null>(null);
  const [jumpTo, setJumpTo] = useState<{ seq: number } | null>(null);
  const [notLoaded, setNotLoaded] = useState(false);
  const replies = useReplyControls();
  const clearJumpRequest = replies?.clearJumpRequest;
  // A hit of the search across conversations opens `?seq=N`: bring that message into view.
  const [searchParams] = useSearchParams();
  const seqParam = Number(searchParams.get('seq')) || null;
  const [seqShown, setSeqShown] = useState<number | null>(null);
  if (seqParam !== seqShown) {
    setSeqShown(seqParam);
    if (seqParam) setJumpTo({ seq: seqParam });
  }

  const messages = flattenMessages(history.data);
  const latestSeq = messages.at(-1)?.seq;
  useMarkReadWhileOpen(conversation.data, latestSeq);

  useSocketEvent('conversation:removed', (removed) => {
    if (removed.conversationId === conversationId) navigate('/messages', { replace: true });
  });

  const { fetchPreviousPage } = history;
  const loadOlder = useCallback(() => void fetchPreviousPage(), [fetchPreviousPage]);
  const onJumped = useCallback(
    (found: boolean) => {
      setJumpTo(null);
      clearJumpRequest?.();
      setNotLoaded(!found);
    },
    [clearJumpRequest],
  );

  if (conversation.isError && !conversation.data) {
    const gone = isApiError(conversation.error, 404) || isApiError(conversation.error, 400);
    return (
      <div className={`${frame} items-center justify-center gap-3 p-6 text-center`}>
        <p role="alert" className="text-neutral-800">
          {gone ? t('conversation.notFound') : t('conversation.loadFailed')}
        </p>
        {gone ? (
          <Link to="/messages" className="font-semibold text-red-700 underline">
            {t('conversation.back')}
          </Link>
        ) : (
          <Button variant="link" onClick={() => void conversation.refetch()}>
            {t('conversation.retry')}
          </Button>
        )}
      </div>
    );
  }

  if (!conversation.data) {
    return (
      <div className={`${frame} items-center justify-center`}>
        <Spinner label={t('app.loading')} />
      </div>
    );
  }

  return (
    <div className={frame} data-testid="conversation" data-conversation-id={conversationId}>
      <ConversationHeader
        conversation={conversation.data}
        myId={me.id}
        searchOpen={panel === 'search'}
        onToggleSearch={() => setPanel((open) => (open === 'search' ? null : 'search'))}
        detailsOpen={panel === 'details'}
        onToggleDetails={() => setPanel((open) => (open === 'details' ? null : 'details'))}
        pinsOpen={panel === 'pins'}
        onTogglePins={() => setPanel((open) => (open === 'pins' ? null : 'pins'))}
      />
      {panel === 'pins' && (
        <PinnedMessages
          conversation={conversation.data}
          onClose={() => setPanel(null)}
          onPick={(seq) => {
            setNotLoaded(false);
            setJumpTo({ seq });
          }}
        />
      )}
      {panel === 'details' && conversation.data.kind === 'group' && (
        <GroupDetails
          conversation={conversation.data}
          myId={me.id}
          onClose={() => setPanel(null)}
        />
      )}
      {panel === 'search' && (
        <ConversationSearch
          conversationId={conversationId}
          onClose={() => setPanel(null)}
          onPick={(seq) => {
            setNotLoaded(false);
            setJumpTo({ seq });
          }}
        />
      )}
      {notLoaded && (
        <p
          role="status"
          className="bg-neutral-100 px-4 py-1.5 text-center text-xs text-neutral-700"
        >
          {t('conversation.notLoaded')}
        </p>
      )}
      {history.isPending ? (
        <div className="flex flex-1 items-center justify-center">
          <Spinner label={t('app.loading')} />
        </div>
      ) : history.isError ? (
        <div className="flex flex-1 flex-col items-center justify-center gap-2 text-sm">
          <p role="alert">{t('conversation.loadFailed')}</p>
          <Button variant="link" onClick={() => void history.refetch()}>
            {t('conversation.retry')}
          </Button>
        </div>
      ) : (
        // Past the boundaries of each message: the header, the composer and the rest of the app
        // stay usable whatever breaks in the history.
        <ErrorBoundary
          what={`the history of conversation ${conversationId}`}
          fallback={
            <p role="alert" className="flex flex-1 items-center justify-center p-4 text-sm">
              {t('errors.historyUnavailable')}
            </p>
          }
        >
          <MessageList
            conversation={conversation.data}
            messages={messages}
            pending={pending}
            myId={me.id}
            hasOlder={history.hasPreviousPage}
            loadingOlder={history.isFetchingPreviousPage}
            loadOlder={loadOlder}
            onRetry={retry}
            onDiscard={discard}
            // A search hit, or a quote clicked: go to that message.
            jumpTo={jumpTo ?? replies?.jumpRequest ?? null}
            onJumped={onJumped}
          />
        </ErrorBoundary>
      )}
      <TypingIndicator conversation={conversation.data} myId={me.id} />
      <ReplyPreview conversation={conversation.data} />
      <Composer
        conversationId={conversationId}
        onSend={(body, attachments) => {
          send(body, { replyToId: replies?.replyTo?.id, attachments });
          replies?.cancelReply();
        }}
      />
    </div>
  );
}

/**
 * While the conversation is on screen and the window has the focus, my read watermark follows
 * the latest message (so the sender sees ✓✓ and my badge clears). A hidden tab reads nothing.
 */
function useMarkReadWhileOpen(
  conversation: ConversationView | undefined,
  latestSeq: number | undefined,
) {
  const markRead = useMarkRead(conversation?.id ?? '');
  // The highest seq already asked for: one request per new message, not per render.
  const requested = useRef(0);

  const readIfSeen = useEffectEvent(() => {
    if (!conversation || latestSeq === undefined) return;
    if (latestSeq <= conversation.lastReadSeq || latestSeq <= requested.current) return;
    if (document.visibilityState !== 'visible' || !document.hasFocus()) return;
    requested.current = latestSeq;
    markRead.mutate(latestSeq, {
      onError: () => {
        requested.current = 0;
      },
    });
  });

  useEffect(() => {
    readIfSeen();
  }, [latestSeq, conversation?.lastReadSeq]);

  useEffect(() => {
    const onChance = () => readIfSeen();
    window.addEventListener('focus', onChance);
    document.addEventListener('visibilitychange', onChance);
    return () => {
      window.removeEventListener('focus', onChance);
      document.removeEventListener('visibilitychange', onChance);
    };
  }, []);
}
