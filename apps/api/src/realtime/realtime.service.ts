import type { ServerEvents } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import { rooms } from './rooms';
import type { AppServer } from './socket-types';

/**
 * The one way features push to clients: `send(room, event, ...args)`, checked against the
 * contract's ServerEvents. Goes through the Redis adapter, so it reaches every API instance.
 */
@Injectable()
export class RealtimeService {
  private server?: AppServer;

  attach(server: AppServer) {
    this.server = server;
  }

  send<E extends keyof ServerEvents>(
    room: string | string[],
    event: E,
    ...args: Parameters<ServerEvents[E]>
  ) {
    this.server?.to(room).emit(event, ...args);
  }

  /** Same as send, but not to the sockets of `exceptUserRoom` (e.g. never to the typist). */
  sendExcept<E extends keyof ServerEvents>(
    room: string,
    exceptRoom: string,
    event: E,
    ...args: Parameters<ServerEvents[E]>
  ) {
    this.server
      ?.to(room)
      .except(exceptRoom)
      .emit(event, ...args);
  }

  /** Closes every socket of a user on every instance (a deactivated account). */
  disconnectUser(userId: string) {
    this.server?.in(rooms.user(userId)).disconnectSockets(true);
  }

  /** Closes the sockets of a sign-in on every instance (the client sees `io server disconnect`). */
  disconnectSession(sessionId: string) {
    this.server?.in(rooms.session(sessionId)).disconnectSockets(true);
  }
}
