import { type BeforeApplicationShutdown, HttpException, Inject, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PresenceFanoutService } from './presence-fanout.service';
import { RealtimeService } from './realtime.service';
import { RoomMembershipService } from './room-membership.service';
import { rooms } from './rooms';
import { SocketEventLimitsService } from './socket-event-limits.service';
import { SocketSlotsService } from './socket-slots.service';
import {
  type SocketAuthenticator,
  SocketAuthenticatorProvider,
  type SocketHooks,
  SocketHooksProvider,
} from './socket-plugins';
import type { AppServer, AppSocket } from './socket-types';

/** A refused handshake: the client's `connect_error` carries `message` (a code) and `data`. */
class Refusal extends Error {
  constructor(
    code: string,
    readonly data?: { message: string },
  ) {
    super(code);
  }
}

function refusal(code: string, message?: string): Refusal {
  return new Refusal(code, message ? { message } : undefined);
}

/**
 * Anything else that stops a handshake (Redis away while the session is checked, PostgreSQL away
 * while the rooms are read) is an outage: the client gets the `unavailable` code, never the
 * error's own text (it gave "Sessions cannot be checked now…" as the code while Redis was down).
 */
function asRefusal(error: unknown): Refusal {
  if (error instanceof Refusal) return error;
  // An HttpException's text is written for clients; any other error's is not theirs to read.
  return refusal('unavailable', error instanceof HttpException ? error.message : undefined);
}

/**
 * A round of refreshes is cut in this many beats: one pipeline for 5,000 sockets (30,000 commands)
 * held the event loop and Redis long enough to stall every message sent meanwhile (`pnpm bench`
 * saw a spike at each round).
 */
const BEAT_SLICES = 20;

/** How long a shutdown waits for its sockets' departures to be recorded. */
const SHUTDOWN_DEPARTURES_MS = 5000;

/** The beat of a round that refreshes this socket: the same at every round. */
function sliceOf(socketId: string): number {
  let hash = 0;
  for (let i = 0; i < socketId.length; i++) hash = (hash * 31 + socketId.charCodeAt(i)) | 0;
  return Math.abs(hash) % BEAT_SLICES;
}

/** Runs each hook's part side by side; one that fails is logged and does not stop the others. */
async function eachHook(
  logger: Logger,
  step: string,
  calls: (Promise<unknown> | undefined)[],
): Promise<void> {
  for (const result of await Promise.allSettled(calls)) {
    if (result.status === 'rejected') logger.warn(`${step}: ${String(result.reason)}`);
  }
}

/**
 * The kernel: the one place a socket's life is decided. It imports no feature; what features add
 * comes through the providers it discovers (socket-plugins.ts): the authenticator (auth's) and
 * the hooks (a feature's rooms, presence). In this order:
 * 1. handshake: the authenticator proves the token (signature, expiry, session not revoked), else
 *    `unauthorized`; a slot under the per-user cap, else `too_many_connections`; then every room it
 *    belongs in (tenant, user, session, and the hooks' `roomsAtConnect`: its conversations), before
 *    the client hears `connect`, so its first event already finds them; then the event limits;
 *    anything that fails on the way (Redis or PostgreSQL away) is `unavailable`;
 * 2. connected: the session checked again, beside the hooks' `connected` (presence: online, told
 *    to the sockets that follow the user, never to the whole tenant);
 * 3. every heartbeat: slots and the hooks' `beat` (presence refreshed, crashed instances' ghosts
 *    ended); every sweep: sockets whose access token expired closed (clients reconnect);
 * 4. disconnected: slot freed, the hooks' `disconnected` (offline when it was the user's last);
 * 5. shutdown: every socket closed and its departure recorded before Redis and the pool close.
 * Feature gateways only translate events.
 */
@WebSocketGateway()
export class ConnectionGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, BeforeApplicationShutdown
{
  private readonly logger = new Logger(ConnectionGateway.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private server?: AppServer;
  /** Departures still being recorded (awaited by the shutdown). */
  private readonly departing = new Set<Promise<void>>();
  private closing = false;

  private authenticator!: SocketAuthenticator;
  private hooks: SocketHooks[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly slots: SocketSlotsService,
    private readonly limits: SocketEventLimitsService,
    private readonly realtime: RealtimeService,
    private readonly membership: RoomMembershipService,
    private readonly fanout: PresenceFanoutService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: AppServer) {
    this.discoverPlugins();
    this.server = server;
    this.realtime.attach(server);
    this.membership.attach(server);
    this.fanout.attach(server);
    server.use((socket, next) => {
      this.admit(socket).then(
        () => next(),
        (error: unknown) => next(asRefusal(error)),
      );
    });
    // Every socket refreshed well within the expiry (once a round, a third of it), a slice of
    // them at each beat; the same beat ends the ghosts of crashed instances.
    let beat = 0;
    this.every((this.config.presenceTtlSeconds * 1000) / 3 / BEAT_SLICES, () =>
      this.beat(server, beat++ % BEAT_SLICES),
    );
    this.every(this.config.socketExpirySweepSeconds * 1000, () => this.closeExpired(server));
  }

  /**
   * A stop (a deploy, SIGTERM): this instance's sockets are closed now, while Redis and PostgreSQL
   * are still open, and their departures awaited: presence cleared, last seen stored, followers on
   * every instance told. Left to Socket.IO's own close, which comes after Redis and the pool are
   * closed, those writes failed ("Presence not cleared … Connection is closed"): people stayed
   * online until the expiry and their last seen was lost. The transport is closed, not the
   * Socket.IO session, so clients reconnect by themselves, to another instance; new handshakes
   * meanwhile are refused as `unavailable`.
   */
  async beforeApplicationShutdown() {
    this.closing = true;
    for (const timer of this.timers) clearInterval(timer);
    const sockets = this.server?.of('/').sockets;
    if (sockets) {
      for (const socket of sockets.values()) socket.conn.close();
      const deadline = Date.now() + SHUTDOWN_DEPARTURES_MS;
      while (sockets.size && Date.now() < deadline) await sleep(10);
      await Promise.race([
        Promise.allSettled([...this.departing]),
        sleep(Math.max(0, deadline - Date.now())),
      ]);
    }
    this.fanout.close();
  }

  /** Found once the app is built (every module's providers exist); called when sockets start. */
  private discoverPlugins() {
    const instancesOf = (metadataKey: string) =>
      this.discovery
        .getProviders({ metadataKey })
        .map((wrapper) => wrapper.instance as unknown)
        .filter(Boolean);
    const authenticators = instancesOf(SocketAuthenticatorProvider.KEY);
    if (authenticators.length !== 1) {
      // A socket server that lets anyone in, or asks two providers who wins, must not start.
      throw new Error(
        `Sockets need exactly one @SocketAuthenticatorProvider(), found ${authenticators.length}`,
      );
    }
    this.authenticator = authenticators[0] as SocketAuthenticator;
    this.hooks = instancesOf(SocketHooksProvider.KEY) as SocketHooks[];
  }

  private async admit(socket: AppSocket) {
    if (this.closing) throw refusal('unavailable');
    await this.authenticate(socket);
    const slot = { socketId: socket.id, userId: socket.data.user.id };
    if (!(await this.slots.claim(slot))) {
      throw refusal(
        'too_many_connections',
        `At most ${this.slots.perUser} connections per user; close a tab or another device`,
      );
    }
    try {
      await this.joinRooms(socket);
    } catch {
      await this.slots.release(slot).catch(() => undefined);
      throw refusal('unavailable');
    }
    this.limits.watch(socket);
  }

  private async authenticate(socket: AppSocket) {
    const identity = await this.authenticator.authenticate(socket.handshake.auth?.token);
    if (!identity) throw refusal('unauthorized');
    socket.data.user = identity.user;
    socket.data.sessionId = identity.sessionId;
    socket.data.expiresAt = identity.expiresAt;
  }

  private async joinRooms(socket: AppSocket) {
    const { id, tenantId } = socket.data.user;
    // Every provider must answer: a socket missing a conversation's room would miss its messages.
    const featureRooms = await Promise.all(
      this.hooks.map((hooks) => hooks.roomsAtConnect?.(socket.data.user) ?? []),
    );
    await this.membership.joinSocket(socket, [
      rooms.tenant(tenantId),
      rooms.user(id),
      rooms.session(socket.data.sessionId),
      ...featureRooms.flat(),
    ]);
  }

  // Socket.IO does not await these hooks: an error thrown here would be an unhandled rejection
  // and end the process (a Redis blip, or a disconnect that lands while the app shuts down).
  // Whatever is missed, the expiry and the beat's sweep put right.
  async handleConnection(socket: AppSocket) {
    // Side by side, so presence is recorded as soon as it was before sessions were checked here.
    const live = this.authenticator.isLive(socket.data);
    await eachHook(this.logger, `Connection of socket ${socket.id} not recorded`, [
      // A revocation between the handshake's check and now found no socket to close: close it
      // (the hooks' `disconnected` puts their state right).
      live.then((isLive) => void (isLive || socket.disconnect(true))),
      ...this.hooks.map((hooks) => hooks.connected?.(socket, live)),
    ]);
  }

  handleDisconnect(socket: AppSocket): Promise<void> {
    const departure = this.depart(socket);
    this.departing.add(departure);
    return departure.finally(() => this.departing.delete(departure));
  }

  private async depart(socket: AppSocket) {
    if (!socket.data.user) return;
    await eachHook(this.logger, `Departure of socket ${socket.id} not recorded`, [
      this.slots.release({ socketId: socket.id, userId: socket.data.user.id }),
      ...this.hooks.map((hooks) => hooks.disconnected?.(socket)),
    ]);
  }

  private async beat(server: AppServer, slice: number) {
    // Listed and refreshed in one tick, both refreshes sent before anything is awaited: a socket
    // that closes after this is removed by a command Redis runs after the refresh. Awaiting the
    // slots first let a socket close in between, and the presence refresh then wrote back the
    // entry its disconnect had just removed: a ghost online until the expiry (instances.e2e).
    const local = [...server.of('/').sockets.values()].filter(
      (s) => s.data.user && s.connected && sliceOf(s.id) === slice,
    );
    // A failure is not logged: Redis away for a beat, the next one catches up (see `every`).
    await Promise.all([
      this.slots.refresh(local.map((s) => ({ socketId: s.id, userId: s.data.user.id }))),
      ...this.hooks.map((hooks) => hooks.beat?.(local)),
    ]);
  }

  private async closeExpired(server: AppServer) {
    const now = Date.now() / 1000;
    for (const socket of server.of('/').sockets.values()) {
      if (socket.data.expiresAt <= now) socket.disconnect(true);
    }
  }

  private every(ms: number, work: () => Promise<void>) {
    const timer = setInterval(() => {
      // Redis unreachable for a beat: the next one catches up.
      work().catch(() => undefined);
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }
}
