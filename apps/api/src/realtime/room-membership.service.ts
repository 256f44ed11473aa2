import { Injectable } from '@nestjs/common';
import { rooms } from './rooms';
import type { AppServer, AppSocket } from './socket-types';

/**
 * The only way a socket joins or leaves a room (DESIGN invariant 1: clients never join by name;
 * the server joins them after the caller checked they may). Joins for users reach their sockets
 * on every API instance through the Redis adapter.
 */
@Injectable()
export class RoomMembershipService {
  private server?: AppServer;

  attach(server: AppServer) {
    this.server = server;
  }

  /** Joins one socket of this instance to rooms (its rooms at connect, for instance). */
  async joinSocket(socket: AppSocket, names: string[]): Promise<void> {
    if (names.length) await socket.join(names);
  }

  /**
   * Makes one socket's rooms of a kind (`presence:` rooms, say) exactly `names`: those it no longer
   * wants are left, the others joined.
   */
  async setSocketRooms(socket: AppSocket, prefix: string, names: string[]): Promise<void> {
    const wanted = new Set(names);
    for (const room of socket.rooms) {
      if (room.startsWith(prefix) && !wanted.has(room)) await socket.leave(room);
    }
    await this.joinSocket(socket, [...wanted]);
  }

  /** Joins every socket of these users, on any instance, to a room (people added to a conversation). */
  joinUsers(userIds: string[], room: string): void {
    if (this.server && userIds.length) this.server.in(userIds.map(rooms.user)).socketsJoin(room);
  }

  /** Takes every socket of these users, on any instance, out of a room (a member who left). */
  leaveUsers(userIds: string[], room: string): void {
    if (this.server && userIds.length) this.server.in(userIds.map(rooms.user)).socketsLeave(room);
  }
}
