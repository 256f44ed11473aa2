import { WebSocketGateway } from '@nestjs/websockets';
import { SocketRequest } from '../realtime/socket-request';
import type { AppSocket } from '../realtime/socket-types';
import { SocketPinDto, SocketReactDto } from './dto/message-state.dto';
import { MessageStateService } from './message-state.service';

/** Reactions and pins over the socket: the same service calls as their REST routes. */
@WebSocketGateway()
export class MessageStateGateway {
  constructor(private readonly state: MessageStateService) {}

  @SocketRequest('message:react', SocketReactDto)
  react(socket: AppSocket, input: SocketReactDto) {
    return this.state.react(
      socket.data.user,
      input.conversationId,
      input.messageId,
      input.emoji,
      input.reacted,
    );
  }

  @SocketRequest('message:pin', SocketPinDto)
  pin(socket: AppSocket, input: SocketPinDto) {
    return this.state.pin(socket.data.user, input.conversationId, input.messageId, input.pinned);
  }
}
