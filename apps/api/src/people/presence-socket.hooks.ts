import { Injectable } from '@nestjs/common';
import { PresenceFanoutService } from '../realtime/presence-fanout.service';
import { type SocketHooks, SocketHooksProvider } from '../realtime/socket-plugins';
import type { AppSocket } from '../realtime/socket-types';
import { PresenceService, type PresenceSocket } from './presence.service';

function presenceSocket(socket: AppSocket): PresenceSocket {
  return { socketId: socket.id, userId: socket.data.user.id, tenantId: socket.data.user.tenantId };
}

/**
 * Presence follows sockets: online at a user's first socket, offline at their last, kept alive by
 * the kernel's heartbeat, and each change told to the sockets that follow the person
 * (PresenceFanoutService), never to the whole tenant. API process only (the worker has no sockets).
 */
@Injectable()
@SocketHooksProvider()
export class PresenceSocketHooks implements SocketHooks {
  constructor(
    private readonly presence: PresenceService,
    private readonly fanout: PresenceFanoutService,
  ) {}

  async connected(socket: AppSocket, live: Promise<boolean>): Promise<void> {
    const [cameOnline, isLive] = await Promise.all([
      this.presence.connect(presenceSocket(socket)),
      live,
    ]);
    // Not live: the kernel closes it, and `disconnected` takes the presence back, unannounced.
    if (isLive && cameOnline) {
      this.fanout.publish([{ userId: socket.data.user.id, online: true, lastSeenAt: null }]);
    }
  }

  async disconnected(socket: AppSocket): Promise<void> {
    const offline = await this.presence.disconnect(presenceSocket(socket));
    if (offline) this.fanout.publish([offline]);
  }

  async beat(sockets: AppSocket[]): Promise<void> {
    // Sent at once, beside the kernel's slot refresh (see SocketHooks.beat).
    await this.presence.refresh(sockets.map(presenceSocket));
    this.fanout.publish((await this.presence.expire()).map(({ presence }) => presence));
  }
}
