import type { AckError, ClientEvents, ErrorCode, ServerEvents } from '@mindsp/contracts';
import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import { type Socket, io } from 'socket.io-client';
import { renewAccessToken } from './api';
import { tokens } from './tokens';

export type AppSocket = Socket<ServerEvents, ClientEvents>;

/**
 * `connecting`: the first attempt since sign-in; `connected`; `disconnected`: lost (or never
 * reached) and trying again. Only `disconnected` is worth telling the user about.
 */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** Server events, plus `connect` after every (re)connection (the moment to catch up). */
export type SocketEventName = keyof ServerEvents | 'connect';
export type HandlerOf<E extends SocketEventName> = E extends keyof ServerEvents
  ? ServerEvents[E]
  : () => void;
/**
 * What a feature does with the socket's events: one writer per event it cares about. The app's
 * event router (app/socketEventRouter.ts) subscribes each event once and hands it to them all.
 */
export type EventWriters = { [E in SocketEventName]?: HandlerOf<E> };
type AnyHandler = (...args: unknown[]) => void;

/** The socket cannot carry the request now (not connected, or no ack in time): use REST. */
export class SocketUnavailableError extends Error {
  constructor(reason: string) {
    super(`Socket unavailable: ${reason}`);
    this.name = 'SocketUnavailableError';
  }
}

/** The server answered the request with `{ ok: false }`. */
export class SocketAckError extends Error {
  readonly code: ErrorCode;
  /** With `rate_limited`: how long to wait before trying again. */
  readonly retryAfterSeconds?: number;

  constructor({ code, message, retryAfterSeconds }: AckError) {
    super(message);
    this.name = 'SocketAckError';
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

type AckOf<E extends keyof ClientEvents> = Parameters<Parameters<ClientEvents[E]>[1]>[0];
type AckData<E extends keyof ClientEvents> = Extract<AckOf<E>, { ok: true }>['data'];

const ACK_TIMEOUT_MS = 10_000;

let socket: AppSocket | null = null;
let state: ConnectionState = 'disconnected';
let holders = 0;
let closeTimer: ReturnType<typeof setTimeout> | undefined;
/** The token the last handshake carried: the one to report as refused on `unauthorized`. */
let handshakeToken = '';
/** Consecutive `unauthorized` refusals: a refresh that "works" but is refused again must back off, not loop. */
let refusals = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
/** Closed because the browser went offline; reopened when it is back. */
let closedForOffline = false;

const stateListeners = new Set<() => void>();
const handlers = new Map<string, Set<AnyHandler>>();

function setState(next: ConnectionState) {
  if (state === next) return;
  state = next;
  for (const listener of stateListeners) listener();
}

function dispatch(event: string, args: unknown[]) {
  for (const handler of handlers.get(event) ?? []) {
    try {
      handler(...args);
    } catch (error) {
      // One failing subscriber must not keep the event from the others.
      console.error(`Handling the socket event "${event}" failed`, error);
    }
  }
}

function reconnectLater(delayMs: number) {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => {
    if (socket && !socket.connected && !closedForOffline) socket.connect();
  }, delayMs);
}

function open(): AppSocket {
  const created: AppSocket = io({
    path: '/socket.io',
    autoConnect: false,
    // A new Manager per sign-in: nothing of the previous user's connection is reused.
    forceNew: true,
    // Read at every (re)connection attempt, so a reconnect always carries the current token.
    auth: (cb) => {
      handshakeToken = tokens.get()?.accessToken ?? '';
      cb({ token: handshakeToken });
    },
  });

  created.on('connect', () => {
    refusals = 0;
    setState('connected');
    dispatch('connect', []);
  });

  created.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') {
      // The server closes a socket whose access token expired, and socket.io does not retry
      // those by itself: reconnect at once (with a renewed token), without alarming the user.
      setState('connecting');
      reconnectLater(0);
    } else {
      setState('disconnected');
    }
  });

  created.on('connect_error', (error) => {
    const unauthorized = error.message === 'unauthorized';
    // A refused token while (re)connecting is renewed below, silently; anything else is an outage.
    if (!(unauthorized && state === 'connecting' && refusals === 0)) setState('disconnected');
    if (!unauthorized) {
      // Network-level failures are retried by socket.io itself (with backoff); anything else we retry.
      if (!created.active) reconnectLater(5_000);
      return;
    }
    refusals += 1;
    const refused = handshakeToken;
    renewAccessToken(refused)
      .then((renewed) => {
        // false: the session is over; the tokens listener below closes the socket.
        if (renewed && socket === created)
          reconnectLater(refusals > 1 ? Math.min(30_000, 1_000 * 2 ** refusals) : 0);
      })
      .catch(() => {
        // The server could not be reached for the refresh: try the whole thing again later.
        if (socket === created) reconnectLater(5_000);
      });
  });

  created.onAny((event: string, ...args: unknown[]) => dispatch(event, args));
  return created;
}

/** Opens this tab's connection if there is none (and a session). `useSocket` does it for components. */
export function openSocket() {
  clearTimeout(closeTimer);
  if (socket || !tokens.hasSession()) return;
  refusals = 0;
  socket = open();
  setState('connecting');
  closedForOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (!closedForOffline) socket.connect();
}

/** Closes the connection (sign-out, or the last component using it went away). */
export function closeSocket() {
  clearTimeout(retryTimer);
  clearTimeout(closeTimer);
  const closing = socket;
  socket = null;
  closing?.removeAllListeners();
  closing?.disconnect();
  setState('disconnected');
}

if (typeof window !== 'undefined') {
  // Signed out here or in another tab, or the refresh was refused: the connection goes with the session.
  tokens.subscribe(() => {
    if (!tokens.hasSession()) closeSocket();
  });
  // Without a network the socket would only notice at its next missed ping (up to ~45 s):
  // close it at once so the user sees it, and reopen it (and catch up) as soon as it is back.
  window.addEventListener('offline', () => {
    if (!socket) return;
    closedForOffline = true;
    socket.disconnect();
    setState('disconnected');
  });
  window.addEventListener('online', () => {
    if (!socket || !closedForOffline) return;
    closedForOffline = false;
    socket.connect();
  });
}

function subscribeState(listener: () => void) {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

export function getConnectionState(): ConnectionState {
  return state;
}

export function getSocket(): AppSocket | null {
  return socket;
}

/**
 * Keeps this tab's one connection open while mounted (mount it once the user is signed in)
 * and returns its state. Any number of components may use it: the connection closes after the
 * last one unmounts, or at sign-out.
 */
export function useSocket(): { socket: AppSocket | null; state: ConnectionState } {
  useEffect(() => {
    holders += 1;
    openSocket();
    return () => {
      holders -= 1;
      // Deferred: a remount right after (StrictMode, route change) keeps the same connection.
      clearTimeout(closeTimer);
      closeTimer = setTimeout(() => holders === 0 && closeSocket(), 1_000);
    };
  }, []);
  const current = useConnectionState();
  return { socket, state: current };
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribeState, getConnectionState, getConnectionState);
}

/**
 * Calls `handler` for a server event (or `connect`) on whichever connection is open, now or
 * later: handlers outlive a reconnection or a new sign-in. Returns the unsubscribe.
 */
export function onSocketEvent<E extends SocketEventName>(
  event: E,
  handler: HandlerOf<E>,
): () => void {
  let set = handlers.get(event);
  if (!set) handlers.set(event, (set = new Set()));
  const listener = handler as AnyHandler;
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/** Subscribes to a server event (or `connect`) for as long as the component is mounted. */
export function useSocketEvent<E extends SocketEventName>(event: E, handler: HandlerOf<E>): void {
  const onEvent = useEffectEvent((...args: unknown[]) => (handler as AnyHandler)(...args));
  useEffect(
    () => onSocketEvent(event, ((...args: unknown[]) => onEvent(...args)) as HandlerOf<E>),
    [event],
  );
}

/**
 * Sends a client event and resolves with the ack's data. Throws SocketUnavailableError when the
 * socket is down or the ack does not come in time (the caller falls back to REST: every request
 * that changes something is idempotent or safe to repeat), SocketAckError when the server refused.
 */
export async function socketRequest<E extends keyof ClientEvents>(
  event: E,
  input: Parameters<ClientEvents[E]>[0],
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<AckData<E>> {
  const current = socket;
  if (!current?.connected) throw new SocketUnavailableError('not connected');
  // The typed emitWithAck cannot be called with a generic event name; the contract types the result.
  const timed = current.timeout(timeoutMs) as unknown as {
    emitWithAck(event: string, input: unknown): Promise<unknown>;
  };
  let ack: AckOf<E>;
  try {
    ack = (await timed.emitWithAck(event, input)) as AckOf<E>;
  } catch {
    throw new SocketUnavailableError('no ack in time');
  }
  if (!ack.ok) throw new SocketAckError(ack.error);
  return ack.data as AckData<E>;
}

/**
 * Fire and forget (typing): not sent when not connected, there is nothing to catch up later.
 * Returns whether it went out. Not `volatile`: a volatile packet is silently dropped while the
 * transport upgrades (polling to WebSocket, just after connecting), and "typing" is only sent
 * again after a pause, so the other side would never see it.
 */
export function socketNotify<E extends keyof ClientEvents>(
  event: E,
  input: Parameters<ClientEvents[E]>[0],
): boolean {
  const current = socket;
  if (!current?.connected) return false;
  (current as unknown as { emit(event: string, input: unknown, ack: () => void): void }).emit(
    event,
    input,
    () => undefined,
  );
  return true;
}
