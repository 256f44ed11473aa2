import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { toAck, validPayload } from '../realtime/ack';
import type { AppSocket } from '../realtime/socket-types';
import { AlertsService } from './alerts.service';
import { SocketAlertAckDto } from './dto/alerts.dto';

/** A recipient answers an alert over the socket: the same call as `POST /api/alerts/:id/ack`. */
@WebSocketGateway()
export class AlertsGateway {
  constructor(private readonly alerts: AlertsService) {}

  @SubscribeMessage('alert:ack')
  acknowledge(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return toAck(async () => {
      const input = await validPayload(SocketAlertAckDto, payload);
      return this.alerts.acknowledge(socket.data.user, input.alertId, input.response);
    });
  }
}
