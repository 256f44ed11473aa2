import type { Ack, ClientEvents, MessageView, ServerEvents, SyncResult } from '@mindsp/contracts';
import { io, type Socket } from 'socket.io-client';

/** How long a hole may wait for its live event before asking with `sync` (as the SPA does). */
const GAP_WAIT_MS = 500;
const ACK_TIMEOUT_MS = 5000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client as the SPA behaves, for failover tests and the soak: reconnects by itself (through
 * the cluster's front, to whichever instance is up), catches up with `sync` from its highest gap-free
 * seq on every connection and after a hole in the live events, keeps each conversation's messages
 * by seq, and retries a send that got no answer with the same clientMessageId until it is stored.
 */
export class Follower {
  readonly socket: Socket<ServerEvents, ClientEvents>;
  /** Per conversation: seq → message. */
  readonly held = new Map<string, Map<number, MessageView>>();
  /** Two different messages seen at one seq, or one message at two seqs: must stay 0. */
  conflicts = 0;
  connections = 0;
  live = 0;
  fromSync = 0;
  retries = 0;
  private gapTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    url: string,
    token: string,
    readonly conversationIds: string[],
  ) {
    this.socket = io(url, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 1000,
      randomizationFactor: 0.2,
    });
    for (const id of conversationIds) this.held.set(id, new Map());
    this.socket.on('connect', () => {
      this.connections += 1;
      void this.sync().catch(() => undefined);
    });
    // A refused handshake (`unavailable` while Redis restarts) or a server-side close is not
    // retried by socket.io itself: the client tries again, as the SPA's socket does.
    const again = () => setTimeout(() => !this.closed && this.socket.connect(), 250);
    this.socket.on('connect_error', () => !this.socket.active && again());
    this.socket.on('disconnect', (reason) => reason === 'io server disconnect' && again());
    this.socket.on('message:new', (message) => {
      if (this.hold(message)) this.live += 1;
      if (message.seq > this.cursor(message.conversationId) + 1) this.watchGap();
    });
  }

  /** Resolves once connected (the first time). */
  ready(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve) => this.socket.once('connect', () => resolve()));
  }

  private readonly gapFree = new Map<string, number>();

  /** The highest seq up to which this client holds every message. */
  cursor(conversationId: string): number {
    const held = this.held.get(conversationId)!;
    let seq = this.gapFree.get(conversationId) ?? 0;
    while (held.has(seq + 1)) seq += 1;
    this.gapFree.set(conversationId, seq);
    return seq;
  }

  /** Asks for everything after the cursors, page after page, until nothing more is there. */
  async sync(): Promise<void> {
    for (;;) {
      const cursors = Object.fromEntries(this.conversationIds.map((id) => [id, this.cursor(id)]));
      const ack = (await this.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('sync', { cursors })) as Ack<SyncResult>;
      if (!ack.ok) throw new Error(`sync refused: ${ack.error.code}`);
      let more = false;
      for (const page of Object.values(ack.data.conversations)) {
        for (const message of page.items) if (this.hold(message)) this.fromSync += 1;
        more ||= page.hasMore;
      }
      if (!more) return;
    }
  }

  /**
   * Sends until the server has it: an ack lost with a killed instance, an `unavailable` database,
   * a refused limit or a dropped connection are retried with the same clientMessageId.
   */
  async send(conversationId: string, clientMessageId: string, body: string): Promise<MessageView> {
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new Error('closed');
      if (attempt) this.retries += 1;
      if (!this.socket.connected) await this.connectedAgain();
      let ack: Ack<MessageView>;
      try {
        ack = await this.untilDisconnected(
          this.socket
            .timeout(ACK_TIMEOUT_MS)
            .emitWithAck('message:send', { conversationId, clientMessageId, body }),
        );
      } catch {
        continue; // no answer in time, or the connection dropped: the same id again
      }
      if (ack.ok) return ack.data;
      if (!['unavailable', 'rate_limited', 'internal'].includes(ack.error.code)) {
        throw new Error(`send refused: ${JSON.stringify(ack.error)}`);
      }
      await pause(Math.min(2000, (ack.error.retryAfterSeconds ?? 0.2) * 1000));
    }
  }

  /** Forces the connection shut from the client side, as a flaky network does; it reconnects. */
  /** Cuts a live connection; false (nothing done) when this client is not connected now. */
  dropConnection(): boolean {
    if (!this.socket.connected || !this.socket.io.engine) return false;
    this.socket.io.engine.close();
    return true;
  }

  close() {
    this.closed = true;
    clearTimeout(this.gapTimer);
    this.socket.disconnect();
  }

  /** `answer`, unless the connection drops first: its ack could never come on a new one. */
  private untilDisconnected<T>(answer: Promise<T>): Promise<T> {
    let onDisconnect!: () => void;
    const dropped = new Promise<never>((_, reject) => {
      onDisconnect = () => reject(new Error('disconnected'));
      this.socket.once('disconnect', onDisconnect);
    });
    return Promise.race([answer, dropped]).finally(() =>
      this.socket.off('disconnect', onDisconnect),
    );
  }

  private connectedAgain(): Promise<void> {
    return new Promise((resolve) => this.socket.once('connect', () => resolve()));
  }

  private watchGap() {
    if (this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      if (this.socket.connected) void this.sync().catch(() => undefined);
    }, GAP_WAIT_MS);
  }

  /** Keeps `message` at its seq; true when it was new to this client. */
  private hold(message: MessageView): boolean {
    const held = this.held.get(message.conversationId);
    if (!held) return false;
    const prior = held.get(message.seq);
    if (prior) {
      if (prior.id !== message.id) this.conflicts += 1;
      return false;
    }
    held.set(message.seq, message);
    return true;
  }
}

/**
 * How a client's copy differs from what is stored (ids in seq order): missing, extra or out of
 * place messages, and seqs that are not exactly 1..n. Empty when it holds each message once, in order.
 */
export function differences(
  follower: Follower,
  conversationId: string,
  stored: { id: string; seq: number }[],
): string[] {
  const problems: string[] = [];
  stored.forEach((row, i) => {
    if (row.seq !== i + 1) problems.push(`stored seq ${row.seq} at position ${i + 1}`);
  });
  const held = [...follower.held.get(conversationId)!.entries()].sort(([a], [b]) => a - b);
  const heldIds = held.map(([, m]) => m.id);
  const storedIds = stored.map((row) => row.id);
  if (new Set(heldIds).size !== heldIds.length) problems.push('a message held twice');
  if (heldIds.join() !== storedIds.join()) {
    problems.push(`holds ${heldIds.length} of ${storedIds.length}, or not in order`);
  }
  return problems;
}
