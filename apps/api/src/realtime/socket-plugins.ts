import { DiscoveryService } from '@nestjs/core';
import type { AuthenticatedUser } from '../common/authenticated-user';
import type { AppSocket } from './socket-types';

/**
 * How features plug into the realtime kernel. The kernel (ConnectionGateway) imports no feature: it
 * finds, at boot, the providers marked with these decorators (Nest's DiscoveryService, as immich
 * finds its event handlers) and calls them at each step of a socket's life.
 */

/** What a handshake's access token proves: who the socket is, for which sign-in, until when. */
export interface SocketIdentity {
  user: AuthenticatedUser;
  /** The sign-in the token belongs to: its sockets are closed together when it is revoked. */
  sessionId: string;
  /** Token expiry (epoch seconds): the kernel closes the socket once it passes. */
  expiresAt: number;
}

/** Marks the one provider that proves who a socket is (auth's). The kernel refuses to start without one. */
export const SocketAuthenticatorProvider = DiscoveryService.createDecorator();

export interface SocketAuthenticator {
  /**
   * The identity the handshake's token proves, or null (refused as `unauthorized`). Throws when it
   * cannot tell (Redis away): the client is refused as `unavailable` and tries again.
   */
  authenticate(token: unknown): Promise<SocketIdentity | null>;
  /**
   * Asked again once the socket is registered: a revocation between the handshake and then found
   * no socket to close. False: the kernel closes it.
   */
  isLive(identity: SocketIdentity): Promise<boolean>;
}

/** Marks a provider whose hooks the kernel calls for every socket (any number of them). */
export const SocketHooksProvider = DiscoveryService.createDecorator();

/** Every hook is optional; each runs beside the others, and one that fails does not stop the rest. */
export interface SocketHooks {
  /**
   * The rooms a user's sockets belong in from the start (a feature's rooms, e.g. its
   * conversations), joined before the client hears `connect`, so its first event finds them. The
   * kernel joins `tenant:`, `user:` and `session:` itself. Throwing refuses the handshake as
   * `unavailable` (the database is away).
   */
  roomsAtConnect?(user: AuthenticatedUser): Promise<string[]>;
  /**
   * The socket is registered. `live` is the kernel's second session check, running beside this
   * hook: announce nothing to others for a socket it finds not live (the kernel closes it, and
   * `disconnected` follows).
   */
  connected?(socket: AppSocket, live: Promise<boolean>): Promise<void>;
  /** The socket is gone (closed, dropped, or this instance shutting down). */
  disconnected?(socket: AppSocket): Promise<void>;
  /**
   * Every heartbeat, with a slice of this instance's sockets: keep what the feature holds for them
   * alive (send refreshes before the first await: a socket closing meanwhile must be removed after).
   */
  beat?(sockets: AppSocket[]): Promise<void>;
}
