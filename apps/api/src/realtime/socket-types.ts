import type { ClientEvents, PresenceView, ServerEvents } from '@mindsp/contracts';
import type { Server, Socket } from 'socket.io';
import type { AuthenticatedUser } from '../common/authenticated-user';

export interface SocketData {
  user: AuthenticatedUser;
  /** The sign-in the access token belongs to (its `sid`). */
  sessionId: string;
  /** Access token expiry (epoch seconds): the socket is closed once it passes. */
  expiresAt: number;
}

/** Between API instances (through the Redis adapter), never to clients. */
export interface InstanceEvents {
  'presence:changed': (changes: PresenceView[]) => void;
}

export type AppServer = Server<ClientEvents, ServerEvents, InstanceEvents, SocketData>;
export type AppSocket = Socket<ClientEvents, ServerEvents, InstanceEvents, SocketData>;
