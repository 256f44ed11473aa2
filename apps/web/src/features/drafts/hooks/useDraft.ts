import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { draftsApi } from '../api';
import { draftKeys } from '../keys';

/** Saved this long after the last key press: one request per pause, not per character. */
export const DRAFT_SAVE_DELAY_MS = 700;

/**
 * The composer's draft of a conversation: `loaded` is the text saved from any device (read each
 * time the conversation opens, never from an old cache), `typed` saves what the user types after a
 * pause, `sent` forgets a save still waiting (the server clears the draft itself on a send). A save
 * still waiting when the conversation closes goes out at once, so switching away loses nothing.
 */
export function useDraft(conversationId: string) {
  const loaded = useQuery({
    queryKey: draftKeys.detail(conversationId),
    queryFn: ({ signal }) => draftsApi.get(conversationId, signal),
    staleTime: 0,
    gcTime: 0,
    retry: 1,
    select: (draft) => draft.body,
  });
  const waiting = useRef<{ timer: ReturnType<typeof setTimeout>; body: string } | null>(null);

  const flush = useCallback(() => {
    const pending = waiting.current;
    if (!pending) return;
    clearTimeout(pending.timer);
    waiting.current = null;
    // Best effort: a draft that fails to save is still in this composer.
    draftsApi.save(conversationId, pending.body).catch(() => undefined);
  }, [conversationId]);

  const typed = useCallback(
    (body: string) => {
      if (waiting.current) clearTimeout(waiting.current.timer);
      waiting.current = { body, timer: setTimeout(flush, DRAFT_SAVE_DELAY_MS) };
    },
    [flush],
  );

  const sent = useCallback(() => {
    if (waiting.current) clearTimeout(waiting.current.timer);
    waiting.current = null;
  }, []);

  useEffect(() => flush, [flush]);

  return { loaded: loaded.data, typed, sent };
}
