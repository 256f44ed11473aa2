import { type OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { RealtimeService } from './realtime.service';
import type { AppServer } from './socket-types';

/** Hands the Socket.IO server to RealtimeService once it exists. */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit {
  constructor(private readonly realtime: RealtimeService) {}

  afterInit(server: AppServer) {
    this.realtime.attach(server);
  }
}
