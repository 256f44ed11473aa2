import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { BenchGroup, BenchUser } from './database';

/** Which server a client talks to: the product authenticates, T0 is told its rooms. */
export interface TargetSpec {
  kind: 'product' | 'T0';
  url: string;
}

export interface Member {
  index: number;
  user: BenchUser;
  socket: Socket;
  connectedAt: number | null;
  /** connect_error messages, by code: refusals say why (unauthorized, too_many_connections...). */
  errors: string[];
}

export const now = () => performance.now();

/**
 * One socket per user, as a browser tab opens one: its own connection (forceNew), WebSocket only
 * (no long-polling upgrade, for product and T0 alike), reconnecting with socket.io's defaults.
 */
export function openSocket(
  target: TargetSpec,
  user: BenchUser,
  index: number,
  groupsOf: Map<number, string[]>,
  options: { reconnection?: boolean } = {},
): Member {
  const auth =
    target.kind === 'product'
      ? { token: user.token }
      : { userId: user.id, rooms: groupsOf.get(index) ?? [] };
  const socket = io(target.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? true,
    timeout: 20_000,
    auth,
  });
  const member: Member = { index, user, socket, connectedAt: null, errors: [] };
  socket.once('connect', () => (member.connectedAt = now()));
  socket.on('connect_error', (error) => member.errors.push(error.message));
  return member;
}

/** The groups each user index belongs to (T0 joins them from the handshake). */
export function groupsByMember(groups: BenchGroup[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const group of groups) {
    for (const m of group.members) map.set(m, [...(map.get(m) ?? []), group.id]);
  }
  return map;
}

/**
 * Opens sockets in waves of `wave`, each wave waited for (connected, or given up after
 * `giveUpMs`), so a scenario that is not about admission starts from a connected population.
 * No new wave starts after `totalMs`: the scenario runs with whoever got in (its figures say how
 * many), and a product that admits slowly cannot stretch the run past its time budget.
 */
export async function connectInWaves(
  target: TargetSpec,
  users: { user: BenchUser; index: number }[],
  groupsOf: Map<number, string[]>,
  { wave, giveUpMs, totalMs }: { wave: number; giveUpMs: number; totalMs: number },
): Promise<Member[]> {
  const members: Member[] = [];
  const deadline = now() + totalMs;
  for (let i = 0; i < users.length && now() < deadline; i += wave) {
    const batch = users
      .slice(i, i + wave)
      .map(({ user, index }) => openSocket(target, user, index, groupsOf));
    await Promise.all(batch.map((m) => connected(m, giveUpMs)));
    members.push(...batch);
  }
  return members;
}

/** Resolves when the socket connects, or after `giveUpMs` (then it is closed: it does not count). */
export function connected(member: Member, giveUpMs: number): Promise<boolean> {
  if (member.socket.connected) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => {
      member.socket.off('connect', onConnect);
      member.socket.close();
      done(false);
    }, giveUpMs);
    const onConnect = () => {
      clearTimeout(timer);
      done(true);
    };
    member.socket.once('connect', onConnect);
  });
}

export function closeAll(members: Member[]) {
  for (const m of members) m.socket.close();
}

export interface SentMessage {
  conversationId: string;
  clientMessageId: string;
  senderIndex: number;
  scheduledAt: number;
  /** Recipients connected when it was sent (the sender excluded): who must receive it. */
  expected: number;
  received: number;
  lastReceivedAt: number;
  ackedAt: number | null;
  ackError: string | null;
}

export const newClientMessageId = () => randomUUID();

/** A short body, the same for product and T0: about what a firefighter types. */
export const BODY = 'Départ VSAV rue des Lilas, victime consciente, transport vers le CH.';
