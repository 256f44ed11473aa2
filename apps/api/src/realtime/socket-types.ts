import type { ClientEvents, ServerEvents } from '@mindsp/contracts';
import type { Server, Socket } from 'socket.io';
import type { AuthenticatedUser } from '../auth/authenticated-user';

export interface SocketData {
  user: AuthenticatedUser;
  /** The sign-in the access token belongs to (its `sid`). */
  sessionId: string;
  /** Access token expiry (epoch seconds): the socket is closed once it passes. */
  expiresAt: number;
}

export type AppServer = Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, SocketData>;
