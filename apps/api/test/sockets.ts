import type { Ack, ClientEvents, ServerEvents } from '@mindsp/contracts';
import { io, type Socket } from 'socket.io-client';

type ServerEvent = keyof ServerEvents;
type ClientEvent = keyof ClientEvents;
/** What the server pushes with an event. */
export type Payload<E extends ServerEvent> = Parameters<ServerEvents[E]>[0];
/** What a client sends with an event, and what its ack carries. */
type Input<E extends ClientEvent> = Parameters<ClientEvents[E]>[0];
type AckOf<E extends ClientEvent> = Parameters<Parameters<ClientEvents[E]>[1]>[0];

/** How long a test waits for an event that must come. Generous: a slow CI machine is not a failure. */
const EVENT_TIMEOUT_MS = 5000;
/** Bursts of hundreds of sends queue on one conversation's row lock: on a loaded 2-core machine
 * their acks can take longer than an event is given to arrive. A lost ack still fails. */
const ACK_TIMEOUT_MS = 20_000;
/** How long a test listens for an event that must not come, after a round trip on the same socket. */
const QUIET_WINDOW_MS = 250;

interface Received {
  event: string;
  payload: unknown;
}

/**
 * A signed-in socket.io client that records every event it receives, so a test can wait for an
 * event that may already have arrived, count events, and check that one never came.
 */
export class TestSocket {
  readonly received: Received[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(readonly socket: Socket<ServerEvents, ClientEvents>) {
    socket.onAny((event: string, payload: unknown) => {
      this.received.push({ event, payload });
      for (const wake of this.waiters) wake();
    });
  }

  get connected() {
    return this.socket.connected;
  }

  /** Emits with an ack and resolves with it. */
  async emit<E extends ClientEvent>(event: E, input: Input<E> | unknown): Promise<AckOf<E>> {
    const socket = this.socket as unknown as Socket;
    return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, input)) as AckOf<E>;
  }

  /** Emits and returns the ack's data; fails the test when the ack is an error. */
  async ok<E extends ClientEvent>(
    event: E,
    input: Input<E>,
  ): Promise<Extract<AckOf<E>, { ok: true }>['data']> {
    const ack = (await this.emit(event, input)) as Ack<unknown>;
    if (!ack.ok) throw new Error(`${event} was refused: ${JSON.stringify(ack.error)}`);
    return ack.data as Extract<AckOf<E>, { ok: true }>['data'];
  }

  /** Every payload of `event` received so far that matches. */
  all<E extends ServerEvent>(
    event: E,
    match: (payload: Payload<E>) => boolean = () => true,
  ): Payload<E>[] {
    return this.received
      .filter((r) => r.event === event && match(r.payload as Payload<E>))
      .map((r) => r.payload as Payload<E>);
  }

  /** The first matching `event`, already received or still to come; fails after the timeout. */
  waitFor<E extends ServerEvent>(
    event: E,
    match: (payload: Payload<E>) => boolean = () => true,
    timeoutMs = EVENT_TIMEOUT_MS,
  ): Promise<Payload<E>> {
    return this.waitForCount(event, 1, match, timeoutMs).then((found) => found[0]!);
  }

  /** Resolves once `count` matching events have been received (they may already be there). */
  waitForCount<E extends ServerEvent>(
    event: E,
    count: number,
    match: (payload: Payload<E>) => boolean = () => true,
    timeoutMs = EVENT_TIMEOUT_MS,
  ): Promise<Payload<E>[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.all(event, match);
        if (found.length < count) return false;
        done();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        const got = this.all(event, match).length;
        reject(
          new Error(
            `${event}: expected ${count} matching event(s) within ${timeoutMs} ms, got ${got}`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      const wake = () => void check();
      if (check()) return;
      this.waiters.add(wake);
    });
  }

  /**
   * Waits until anything the server sent this socket before now has arrived: a round trip on the
   * same connection (its ack is written after any earlier broadcast), then a short quiet window for
   * what comes through the Redis adapter.
   */
  async settle(windowMs = QUIET_WINDOW_MS) {
    if (this.socket.connected) await this.emit('sync', { cursors: {} });
    await sleep(windowMs);
  }

  /**
   * Fails when a matching `event` has come by the time this socket's instance answers a request
   * sent now. No window to guess: an instance writes to a connection in order, and what it emitted
   * to this socket before it handled the request (everything a REST call or a socket request that
   * has answered caused there: they answer after their events are out) comes before the answer.
   * Not for events that come from another process through Redis (another instance, the worker).
   */
  async expectNoneSoFar<E extends ServerEvent>(
    event: E,
    match: (payload: Payload<E>) => boolean = () => true,
  ) {
    await this.emit('sync', { cursors: {} });
    const got = this.all(event, match);
    if (got.length)
      throw new Error(`${event} was not expected, but arrived: ${JSON.stringify(got)}`);
  }

  /** Fails when a matching `event` arrived, listening for a short window first. */
  async expectNone<E extends ServerEvent>(
    event: E,
    match: (payload: Payload<E>) => boolean = () => true,
    windowMs = QUIET_WINDOW_MS,
  ) {
    await this.settle(windowMs);
    const got = this.all(event, match);
    if (got.length)
      throw new Error(`${event} was not expected, but arrived: ${JSON.stringify(got)}`);
  }

  /** Resolves with the reason once the server (or the network) closes the socket. */
  disconnected(timeoutMs = EVENT_TIMEOUT_MS): Promise<string> {
    if (!this.socket.connected) return Promise.resolve('already disconnected');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`still connected after ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
  }

  close() {
    this.socket.disconnect();
  }
}

const open = new Set<TestSocket>();

/** Opens a socket to the app at `url` with an access token; resolves once connected. */
export async function connectSocket(url: string, token: string): Promise<TestSocket> {
  const socket: Socket<ServerEvents, ClientEvents> = io(url, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  const client = new TestSocket(socket);
  open.add(client);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return client;
}

/** Tries to connect and resolves with the connect_error message (fails if the socket connects). */
export async function connectError(url: string, auth: Record<string, unknown>): Promise<string> {
  const socket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  try {
    return await new Promise<string>((resolve, reject) => {
      socket.once('connect', () => reject(new Error('the socket connected')));
      socket.once('connect_error', (error) => resolve(error.message));
    });
  } finally {
    socket.disconnect();
  }
}

/**
 * Closes every socket the tests opened (afterEach / afterAll), then gives the server a moment to
 * run its disconnect handlers before the next test (or the app's shutdown).
 */
export async function closeSockets() {
  if (!open.size) return;
  for (const client of open) client.close();
  open.clear();
  await sleep(100);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
