import { MESSAGING_LIMITS } from '@mindsp/contracts';
import { NotFoundException } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { toAck, validPayload } from '../realtime/ack';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import type { AppSocket } from '../realtime/socket-types';
import {
  SocketDeleteMessageDto,
  SocketEditMessageDto,
  SocketMarkReadDto,
  SocketSendMessageDto,
  SocketTypingDto,
  SyncDto,
} from './dto/messages.dto';
import { MessageHistoryService } from './message-history.service';
import { MessagesService } from './messages.service';

/** A typing "start" is forwarded at most this often per user and conversation. */
const TYPING_THROTTLE_MS = 2000;

interface TypingState {
  forwardedAt: number;
  stop: NodeJS.Timeout;
  /** The socket typing: closing another tab of the same user does not stop it. */
  socketId: string;
}

/**
 * The conversation events of a socket: translate, then delegate to the same services REST uses.
 * The socket's rooms were joined by ConnectionGateway before it connected.
 */
@WebSocketGateway()
export class ConversationsGateway implements OnGatewayDisconnect {
  private readonly typing = new Map<string, TypingState>();

  constructor(
    private readonly messages: MessagesService,
    private readonly history: MessageHistoryService,
    private readonly realtime: RealtimeService,
  ) {}

  handleDisconnect(socket: AppSocket) {
    const userId = socket.data.user?.id;
    if (!userId) return;
    for (const [key, state] of this.typing) {
      if (state.socketId === socket.id) this.stopTyping(userId, key.slice(userId.length + 1));
    }
  }

  @SubscribeMessage('message:send')
  send(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return toAck(async () => {
      const input = await validPayload(SocketSendMessageDto, payload);
      this.stopTyping(socket.data.user.id, input.conversationId);
      return this.messages.send(socket.data.user, input.conversationId, input);
    });
  }

  @SubscribeMessage('message:edit')
  edit(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return toAck(async () => {
      const input = await validPayload(SocketEditMessageDto, payload);
      return this.messages.edit(
        socket.data.user,
        input.conversationId,
        input.messageId,
        input.body,
      );
    });
  }

  @SubscribeMessage('message:delete')
  remove(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return toAck(async () => {
      const input = await validPayload(SocketDeleteMessageDto, payload);
      return this.messages.remove(socket.data.user, input.conversationId, input.messageId);
    });
  }

  @SubscribeMessage('conversation:read')
  read(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return toAck(async () => {
      const input = await validPayload(SocketMarkReadDto, payload);
      return this.messages.markRead(socket.data.user, input.conversationId, input.seq);
    });
  }

  @SubscribeMessage('sync')
  sync(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return toAck(async () => {
      const input = await validPayload(SyncDto, payload);
      return this.history.sync(socket.data.user, input.cursors, input.changes);
    });
  }

  /** Typing goes to the other members only; it is throttled, and stops by itself after 5 s. */
  @SubscribeMessage('typing')
  typingChanged(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown) {
    return toAck(async () => {
      const input = await validPayload(SocketTypingDto, payload);
      // The server joined this socket to the rooms of its conversations: no room, no membership.
      if (!socket.rooms.has(rooms.conversation(input.conversationId)))
        throw new NotFoundException('Conversation not found');
      const userId = socket.data.user.id;
      if (!input.typing) {
        this.stopTyping(userId, input.conversationId);
        return null;
      }
      const key = `${userId}:${input.conversationId}`;
      const state = this.typing.get(key);
      if (state) clearTimeout(state.stop);
      const forward = !state || Date.now() - state.forwardedAt >= TYPING_THROTTLE_MS;
      this.typing.set(key, {
        socketId: socket.id,
        forwardedAt: forward ? Date.now() : state!.forwardedAt,
        stop: setTimeout(
          () => this.stopTyping(userId, input.conversationId),
          MESSAGING_LIMITS.typingTimeoutMs,
        ),
      });
      if (forward) {
        this.realtime.sendExcept(
          rooms.conversation(input.conversationId),
          rooms.user(userId),
          'typing',
          {
            conversationId: input.conversationId,
            userId,
            typing: true,
          },
        );
      }
      return null;
    });
  }

  private stopTyping(userId: string, conversationId: string) {
    const key = `${userId}:${conversationId}`;
    const state = this.typing.get(key);
    if (!state) return;
    clearTimeout(state.stop);
    this.typing.delete(key);
    this.realtime.sendExcept(rooms.conversation(conversationId), rooms.user(userId), 'typing', {
      conversationId,
      userId,
      typing: false,
    });
  }
}
