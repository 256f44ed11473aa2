import { PRESENCE_LIMITS, type PresenceView } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import { RoomMembershipService } from './room-membership.service';
import { rooms } from './rooms';
import type { AppServer, AppSocket } from './socket-types';

/**
 * Presence changes to the sockets that follow those people, and to no one else (DESIGN
 * invariant 8: nothing is broadcast to a whole tenant per connection).
 * - A socket follows people by being in their `presence:<user>` rooms, joined here after the
 *   caller checked they are of its tenant. Those rooms are local: each instance learns every
 *   change (`presence:changed`, one message per change through the Redis adapter) and looks up
 *   its own followers, so the work per change is O(followers), not O(tenant).
 * - Each socket gets at most one `presence` batch per interval, the latest state per person:
 *   1,000 people arriving at once cost each follower one event, not one per arrival. One timer per
 *   instance; a socket with nothing pending holds nothing here.
 */
/** How long a change waits for others of the same moment before it goes to the instances. */
const PUBLISH_DELAY_MS = 50;

@Injectable()
export class PresenceFanoutService {
  private server?: AppServer;
  /** socket id → person → latest change not yet sent. */
  private readonly pending = new Map<string, Map<string, PresenceView>>();
  private timer?: NodeJS.Timeout;
  /** Changes of this instance's sockets not yet told to the instances (see publish). */
  private outgoing: PresenceView[] = [];
  private outgoingTimer?: NodeJS.Timeout;

  constructor(private readonly membership: RoomMembershipService) {}

  attach(server: AppServer) {
    this.server = server;
    server.on('presence:changed', (changes) => this.collect(changes));
    this.timer = setInterval(() => this.flush(), PRESENCE_LIMITS.batchIntervalMs);
    this.timer.unref();
  }

  /**
   * Shutting down, once this instance's sockets are gone (ConnectionGateway): what is left goes to
   * the other instances now, and nothing is published after, when the adapter's Redis connection
   * is closing (a publish then would be an unhandled rejection).
   */
  close() {
    clearInterval(this.timer);
    this.sendOutgoing();
    this.server = undefined;
  }

  /**
   * Tells every instance's followers (this one's included) that these people changed. The changes
   * of one moment go out together: a storm of 5,000 arrivals is a few dozen messages between
   * instances, not 5,000 (followers get a batch a second anyway).
   */
  publish(changes: PresenceView[]) {
    if (!this.server || !changes.length) return;
    this.outgoing.push(...changes);
    this.outgoingTimer ??= setTimeout(() => this.sendOutgoing(), PUBLISH_DELAY_MS);
  }

  private sendOutgoing() {
    clearTimeout(this.outgoingTimer);
    this.outgoingTimer = undefined;
    const changes = this.outgoing;
    this.outgoing = [];
    if (!this.server || !changes.length) return;
    this.server.serverSideEmit('presence:changed', changes);
    this.collect(changes);
  }

  /** Makes the socket follow exactly these people (already checked to be of its tenant). */
  async follow(socket: AppSocket, userIds: string[]) {
    await this.membership.setSocketRooms(socket, rooms.presence(''), userIds.map(rooms.presence));
    // A change queued for someone it no longer follows is dropped with the rest at the next flush.
  }

  private collect(changes: PresenceView[]) {
    const local = this.server?.of('/').adapter.rooms;
    if (!local) return;
    for (const change of changes) {
      for (const socketId of local.get(rooms.presence(change.userId)) ?? []) {
        let batch = this.pending.get(socketId);
        if (!batch) this.pending.set(socketId, (batch = new Map()));
        // Later wins: within one interval, what a follower needs is where the person ended up.
        batch.set(change.userId, change);
      }
    }
  }

  private flush() {
    if (!this.server || !this.pending.size) return;
    const sockets = this.server.of('/').sockets;
    for (const [socketId, batch] of this.pending) {
      const socket = sockets.get(socketId);
      if (!socket) continue;
      const changes = [...batch.values()].filter((c) => socket.rooms.has(rooms.presence(c.userId)));
      if (changes.length) socket.emit('presence', changes);
    }
    this.pending.clear();
  }
}
