import { WebSocketGateway } from '@nestjs/websockets';
import { SocketRequest } from '../realtime/socket-request';
import type { AppSocket } from '../realtime/socket-types';
import { AlertsService } from './alerts.service';
import { SocketAlertAckDto } from './dto/alerts.dto';

/** A recipient answers an alert over the socket: the same call as `POST /api/alerts/:id/ack`. */
@WebSocketGateway()
export class AlertsGateway {
  constructor(private readonly alerts: AlertsService) {}

  @SocketRequest('alert:ack', SocketAlertAckDto)
  acknowledge(socket: AppSocket, input: SocketAlertAckDto) {
    return this.alerts.acknowledge(socket.data.user, input.alertId, input.response);
  }
}
