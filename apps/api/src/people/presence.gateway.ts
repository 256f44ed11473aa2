import { WebSocketGateway } from '@nestjs/websockets';
import { SocketRequest } from '../realtime/socket-request';
import { PresenceFanoutService } from '../realtime/presence-fanout.service';
import type { AppSocket } from '../realtime/socket-types';
import { PresenceSubscriptionDto } from './dto/presence.dto';
import { PresenceService } from './presence.service';

/** `presence:subscribe`: whose presence a socket follows. Translates, then delegates. */
@WebSocketGateway()
export class PresenceGateway {
  constructor(
    private readonly presence: PresenceService,
    private readonly fanout: PresenceFanoutService,
  ) {}

  @SocketRequest('presence:subscribe', PresenceSubscriptionDto)
  async subscribe(socket: AppSocket, { userIds }: PresenceSubscriptionDto) {
    // Another tenant's id is ignored exactly as an unknown one: followed by nobody, never told.
    const people = await this.presence.peopleOf(socket.data.user.tenantId, userIds);
    // Followed first, then read: a change after the read reaches the socket in a batch.
    await this.fanout.follow(
      socket,
      people.map((p) => p.id),
    );
    return [...(await this.presence.of(socket.data.user.tenantId, people)).values()];
  }
}
