import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import type { AppServer, AppSocket } from '../realtime/socket-types';
import { type PresenceSocket, PresenceService } from './presence.service';

function presenceSocket(socket: AppSocket): PresenceSocket {
  return { socketId: socket.id, userId: socket.data.user.id, tenantId: socket.data.user.tenantId };
}

/** Online when the first socket opens, offline when the last one closes: tabs and instances agree. */
@WebSocketGateway()
export class PresenceGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy
{
  private readonly logger = new Logger(PresenceGateway.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly presence: PresenceService,
    private readonly realtime: RealtimeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: AppServer) {
    // Refresh well within the expiry; the same beat ends the ghosts of crashed instances.
    this.timer = setInterval(
      () => void this.beat(server),
      (this.config.presenceTtlSeconds * 1000) / 3,
    );
    this.timer.unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }

  // Socket.IO does not await these hooks: an error thrown here would be an unhandled rejection
  // and end the process (a Redis blip, or a disconnect that lands while the app shuts down).
  // Whatever is missed, the expiry and the beat's sweep put right.
  async handleConnection(socket: AppSocket) {
    if (!socket.data.user) return;
    try {
      if (await this.presence.connect(presenceSocket(socket))) {
        const { tenantId, id } = socket.data.user;
        this.realtime.send(rooms.tenant(tenantId), 'presence', {
          userId: id,
          online: true,
          lastSeenAt: null,
        });
      }
    } catch (error) {
      this.logger.warn(`Presence not recorded for socket ${socket.id}: ${String(error)}`);
    }
  }

  async handleDisconnect(socket: AppSocket) {
    if (!socket.data.user) return;
    try {
      const offline = await this.presence.disconnect(presenceSocket(socket));
      if (offline) this.realtime.send(rooms.tenant(socket.data.user.tenantId), 'presence', offline);
    } catch (error) {
      this.logger.warn(`Presence not cleared for socket ${socket.id}: ${String(error)}`);
    }
  }

  private async beat(server: AppServer) {
    try {
      const local = [...server.of('/').sockets.values()]
        .filter((s) => s.data.user)
        .map(presenceSocket);
      await this.presence.refresh(local);
      for (const { tenantId, presence } of await this.presence.expire()) {
        this.realtime.send(rooms.tenant(tenantId), 'presence', presence);
      }
    } catch {
      // Redis unreachable for a beat: the next one catches up.
    }
  }
}
