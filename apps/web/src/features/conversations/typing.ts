import { MESSAGING_LIMITS } from '@mindsp/contracts';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { socketNotify } from '../../lib/socket';

/**
 * Who is typing, per conversation. Kept out of the query cache: it is not server data that
 * can be refetched, only a few seconds of state. Each entry expires by itself after the
 * typing timeout, so a lost `typing: false` never leaves "is typing…" on screen.
 */
const typists = new Map<string, Map<string, ReturnType<typeof setTimeout>>>();
const snapshots = new Map<string, readonly string[]>();
const listeners = new Set<() => void>();
const NOBODY: readonly string[] = [];

function changed(conversationId: string) {
  const users = typists.get(conversationId);
  snapshots.set(conversationId, users?.size ? [...users.keys()] : NOBODY);
  for (const listener of listeners) listener();
}

export function setTyping(conversationId: string, userId: string, typing: boolean): void {
  let users = typists.get(conversationId);
  const timer = users?.get(userId);
  if (timer) clearTimeout(timer);
  if (!typing) {
    if (users?.delete(userId)) changed(conversationId);
    return;
  }
  if (!users) typists.set(conversationId, (users = new Map()));
  const wasTyping = users.has(userId);
  users.set(
    userId,
    setTimeout(() => setTyping(conversationId, userId, false), MESSAGING_LIMITS.typingTimeoutMs),
  );
  if (!wasTyping) changed(conversationId);
}

export function clearTyping(): void {
  for (const users of typists.values()) for (const timer of users.values()) clearTimeout(timer);
  const ids = [...typists.keys()];
  typists.clear();
  for (const id of ids) changed(id);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The ids of the members typing in the conversation now (never me: the server does not echo). */
export function useTypists(conversationId: string): readonly string[] {
  const get = useCallback(() => snapshots.get(conversationId) ?? NOBODY, [conversationId]);
  return useSyncExternalStore(subscribe, get, get);
}

/** Repeat "typing" this often while the user keeps typing: well inside the server's timeout. */
const REFRESH_MS = 2_000;
/** Stop saying "typing" after this long without a keystroke. */
const IDLE_MS = 3_000;

/**
 * Tells the other members while I type: `typing: true` at the first keystroke and again every
 * few seconds, `typing: false` when I stop, send, leave or clear the composer.
 */
export function useTypingNotifier(conversationId: string) {
  const state = useRef<{ lastSent: number; idle?: ReturnType<typeof setTimeout> }>({ lastSent: 0 });

  const stop = useCallback(() => {
    const current = state.current;
    clearTimeout(current.idle);
    current.idle = undefined;
    if (current.lastSent === 0) return;
    current.lastSent = 0;
    socketNotify('typing', { conversationId, typing: false });
  }, [conversationId]);

  const typed = useCallback(
    (text: string) => {
      if (!text.trim()) return stop();
      const current = state.current;
      const now = Date.now();
      // Until it actually went out (the socket may still be connecting), the next keystroke tries again.
      if (
        now - current.lastSent >= REFRESH_MS &&
        socketNotify('typing', { conversationId, typing: true })
      ) {
        current.lastSent = now;
      }
      clearTimeout(current.idle);
      current.idle = setTimeout(stop, IDLE_MS);
    },
    [conversationId, stop],
  );

  useEffect(() => stop, [stop]);
  return useMemo(() => ({ typed, stop }), [typed, stop]);
}
