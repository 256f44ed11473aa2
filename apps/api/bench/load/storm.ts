import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchGroup } from './database';
import { BODY, type Member, newClientMessageId } from './sockets';
import { summarize, type Summary } from './stats';

/** What the orchestrator tells the client once the API answers again. */
export interface Restarted {
  killedAt: number;
  upAt: number;
  /** Each conversation's last seq once the API was back: caught up means holding all of these. */
  lastSeqs: Record<string, number>;
}

export interface StoredMessage {
  conversationId: string;
  seq: number;
  clientMessageId: string;
}

interface Holder {
  member: Member;
  conversations: string[];
  held: Map<string, Map<number, string>>;
  /** The highest gap-free seq held per conversation: what `sync` asks after. */
  cursors: Map<string, number>;
  backAt: number | null;
  caughtUpAt: number | null;
  syncing: boolean;
  gapTimer: NodeJS.Timeout | null;
}

/**
 * The reconnect storm's client side. Every member holds its conversations as the SPA does: live
 * `message:new` events in seq order, and on every reconnection (or a gap) a `sync` from its
 * highest gap-free seq. Senders keep sending through the restart and retry an unacknowledged
 * message with the same clientMessageId, as the SPA's pending messages do.
 */
export class Storm {
  private readonly holders: Holder[];
  private readonly acked = new Set<string>();
  private conflicts = 0;
  private retries = 0;
  private restarted: Restarted | null = null;
  private sending = false;

  constructor(
    members: Member[],
    private readonly groups: BenchGroup[],
  ) {
    const groupsOf = new Map<number, string[]>();
    for (const g of groups)
      for (const m of g.members) groupsOf.set(m, [...(groupsOf.get(m) ?? []), g.id]);
    this.holders = members
      .filter((m) => m.socket.connected)
      .map((member) => {
        const conversations = groupsOf.get(member.index) ?? [];
        const holder: Holder = {
          member,
          conversations,
          held: new Map(conversations.map((c) => [c, new Map()])),
          cursors: new Map(conversations.map((c) => [c, 0])),
          backAt: null,
          caughtUpAt: null,
          syncing: false,
          gapTimer: null,
        };
        member.socket.on('message:new', (m: StoredMessage) => this.hold(holder, [m]));
        // Registered once connected: only reconnections fire it.
        member.socket.on('connect', () => {
          holder.backAt ??= Date.now();
          void this.sync(holder);
        });
        return holder;
      });
  }

  get clients() {
    return this.holders.length;
  }

  /** Open-loop sends at `rate` until stop(); each retried until acknowledged. */
  startTraffic(rate: number) {
    this.sending = true;
    const start = performance.now();
    let next = 0;
    const timer = setInterval(() => {
      if (!this.sending) return clearInterval(timer);
      const due = Math.floor(((performance.now() - start) * rate) / 1000) + 1;
      while (next < due) this.send(next++);
    }, 2);
  }

  private send(i: number) {
    const group = this.groups[i % this.groups.length]!;
    const holder = this.holders.find(
      (h) =>
        h.member.index === group.members[Math.floor(i / this.groups.length) % group.members.length],
    );
    if (!holder) return;
    const clientMessageId = newClientMessageId();
    const socket = holder.member.socket;
    // Never emitted while disconnected (socket.io would buffer every attempt and replay them all):
    // a pending message waits for the connection, then is sent again with its clientMessageId.
    const attempt = () => {
      if (!this.sending) return;
      if (!socket.connected) return void socket.once('connect', attempt);
      socket
        .timeout(5000)
        .emit(
          'message:send',
          { conversationId: group.id, clientMessageId, body: BODY },
          (error: Error | null, response?: { ok: boolean }) => {
            if (!error && response?.ok) return void this.acked.add(clientMessageId);
            this.retries++;
            setTimeout(attempt, 1000);
          },
        );
    };
    attempt();
  }

  stopTraffic() {
    this.sending = false;
  }

  /** After the API is back: from now on, members are checked against these last seqs. */
  restartedWith(info: Restarted) {
    this.restarted = info;
    for (const h of this.holders) this.checkCaughtUp(h);
  }

  get allCaughtUp() {
    return this.holders.every((h) => h.caughtUpAt !== null);
  }

  private hold(holder: Holder, messages: StoredMessage[]) {
    for (const m of messages) {
      const held = holder.held.get(m.conversationId);
      if (!held) continue;
      const before = held.get(m.seq);
      if (before !== undefined && before !== m.clientMessageId) this.conflicts++;
      held.set(m.seq, m.clientMessageId);
      let cursor = holder.cursors.get(m.conversationId)!;
      while (held.has(cursor + 1)) cursor++;
      holder.cursors.set(m.conversationId, cursor);
      if (held.size > cursor && !holder.gapTimer) {
        // An early seq: wait a moment for the gap to fill live, then ask.
        holder.gapTimer = setTimeout(() => {
          holder.gapTimer = null;
          void this.sync(holder);
        }, 1000);
      }
    }
    this.checkCaughtUp(holder);
  }

  private async sync(holder: Holder): Promise<void> {
    if (holder.syncing || !holder.member.socket.connected) return;
    holder.syncing = true;
    try {
      for (;;) {
        const response = await holder.member.socket
          .timeout(10_000)
          .emitWithAck('sync', { cursors: Object.fromEntries(holder.cursors) })
          .catch(() => null);
        if (!response?.ok) {
          await sleep(1000);
          if (!holder.member.socket.connected) return;
          continue;
        }
        const pages = Object.values(response.data.conversations) as {
          items: StoredMessage[];
          hasMore: boolean;
        }[];
        for (const page of pages) this.hold(holder, page.items);
        if (!pages.some((p) => p.hasMore)) return;
      }
    } finally {
      holder.syncing = false;
    }
  }

  private checkCaughtUp(holder: Holder) {
    if (!this.restarted || holder.caughtUpAt !== null || holder.backAt === null) return;
    const behind = holder.conversations.some(
      (c) => holder.cursors.get(c)! < (this.restarted!.lastSeqs[c] ?? 0),
    );
    if (!behind) holder.caughtUpAt = Math.max(Date.now(), holder.backAt);
  }

  /** Compares what every member holds with what the database stored. */
  result(stored: StoredMessage[], windowMs: number) {
    const up = this.restarted!.upAt;
    const byConversation = new Map<string, StoredMessage[]>();
    for (const m of stored) {
      const list = byConversation.get(m.conversationId) ?? [];
      list.push(m);
      byConversation.set(m.conversationId, list);
    }
    let lost = 0;
    let lostTail = 0;
    let wrong = 0;
    // Losses are counted for the members who caught up: the others are the first row's misses.
    for (const h of this.holders.filter((x) => x.caughtUpAt !== null)) {
      for (const c of h.conversations) {
        const held = h.held.get(c)!;
        const top = Math.max(0, ...held.keys());
        for (const m of byConversation.get(c) ?? []) {
          const mine = held.get(m.seq);
          if (mine === undefined) {
            lost++;
            // Past the last seq it holds: not delivered (yet); below it: a hole sync did not fill.
            if (m.seq > top) lostTail++;
          } else if (mine !== m.clientMessageId) wrong++;
        }
      }
    }
    const storedIds = new Map<string, number>();
    for (const m of stored)
      storedIds.set(m.clientMessageId, (storedIds.get(m.clientMessageId) ?? 0) + 1);
    const storedTwice = [...storedIds.values()].filter((n) => n > 1).length;
    const ackedNotStored = [...this.acked].filter((id) => !storedIds.has(id)).length;
    const back = this.holders.map((h) => (h.backAt === null ? Infinity : h.backAt - up));
    const caughtUp = this.holders.map((h) =>
      h.caughtUpAt === null ? Infinity : h.caughtUpAt - up,
    );
    const within = (values: number[]) => values.filter((v) => v <= windowMs).length;
    // Why reconnections failed on the way back (socket.io's connect_error messages), by count.
    const connectErrors: Record<string, number> = {};
    for (const h of this.holders)
      for (const e of h.member.errors) connectErrors[e] = (connectErrors[e] ?? 0) + 1;
    return {
      clients: this.holders.length,
      downtimeMs: up - this.restarted!.killedAt,
      backWithinWindow: within(back),
      caughtUpWithinWindow: within(caughtUp),
      neverBack: back.filter((v) => v === Infinity).length,
      connectErrors,
      notCaughtUp: caughtUp.filter((v) => v === Infinity).length,
      back: summarize(back) as Summary,
      caughtUp: summarize(caughtUp) as Summary,
      stored: stored.length,
      acked: this.acked.size,
      retries: this.retries,
      /** Deliveries missing: a stored message a caught-up member does not hold, or an acked one not stored. */
      lost: lost + ackedNotStored,
      ackedNotStored,
      /** Of `lost`: after the last seq the member holds (undelivered), the rest are holes. */
      lostTail,
      /** A seq held with another message than the stored one, or one message stored twice. */
      duplicated: wrong + storedTwice + this.conflicts,
    };
  }
}
