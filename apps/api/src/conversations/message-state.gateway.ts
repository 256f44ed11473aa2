import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { toAck, validPayload } from '../realtime/ack';
import type { AppSocket } from '../realtime/socket-types';
import { SocketPinDto, SocketReactDto } from './dto/message-state.dto';
import { MessageStateService } from './message-state.service';

/** Reactions and pins over the socket: the same service calls as their REST routes. */
@WebSocketGateway()
export class MessageStateGateway {
  constructor(private readonly state: MessageStateService) {}

  @SubscribeMessage('message:react')
  react(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return toAck(async () => {
      const input = await validPayload(SocketReactDto, payload);
      return this.state.react(
        socket.data.user,
        input.conversationId,
        input.messageId,
        input.emoji,
        input.reacted,
      );
    });
  }

  @SubscribeMessage('message:pin')
  pin(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return toAck(async () => {
      const input = await validPayload(SocketPinDto, payload);
      return this.state.pin(socket.data.user, input.conversationId, input.messageId, input.pinned);
    });
  }
}
