import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { PresenceFanout } from './presence-fanout';
import { RealtimeService } from './realtime.service';
import type { AppServer } from './socket-types';

/** Hands the Socket.IO server to RealtimeService and PresenceFanout once it exists. */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceFanout,
  ) {}

  afterInit(server: AppServer) {
    this.realtime.attach(server);
    this.presence.attach(server);
  }
}
