import type { MessageView } from '@mindsp/contracts';
import { type ReactNode, createContext, useContext, useMemo, useState } from 'react';

/**
 * What the open conversation offers its messages for replies: start a reply to one (the
 * composer then shows it), and ask to go to the original a quote names (the page then brings it
 * into view, loading older history if need be). Provided around ConversationPage, so bubbles
 * need no new props threaded through the list.
 */
export interface ReplyControls {
  replyTo: MessageView | null;
  startReply: (message: MessageView) => void;
  cancelReply: () => void;
  /** The quote clicked, until the page has brought its original into view (or found it gone). */
  jumpRequest: { seq: number } | null;
  jumpTo: (seq: number) => void;
  clearJumpRequest: () => void;
}

const ReplyContext = createContext<ReplyControls | null>(null);

export function ReplyProvider({ children }: { children: ReactNode }) {
  const [replyTo, setReplyTo] = useState<MessageView | null>(null);
  const [jumpRequest, setJumpRequest] = useState<{ seq: number } | null>(null);
  const controls = useMemo<ReplyControls>(
    () => ({
      replyTo,
      startReply: setReplyTo,
      cancelReply: () => setReplyTo(null),
      jumpRequest,
      jumpTo: (seq) => setJumpRequest({ seq }),
      clearJumpRequest: () => setJumpRequest(null),
    }),
    [replyTo, jumpRequest],
  );
  return <ReplyContext value={controls}>{children}</ReplyContext>;
}

/** Null outside a conversation page (e.g. a bubble rendered alone): no reply actions then. */
export function useReplyControls(): ReplyControls | null {
  return useContext(ReplyContext);
}
