import { MESSAGING_LIMITS } from '@mindsp/contracts';
import { NotFoundException } from '@nestjs/common';
import { type OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import { SocketRequest } from '../realtime/socket-request';
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

  @SocketRequest('message:send', SocketSendMessageDto)
  send(socket: AppSocket, input: SocketSendMessageDto) {
    this.stopTyping(socket.data.user.id, input.conversationId);
    return this.messages.send(socket.data.user, input.conversationId, input);
  }

  @SocketRequest('message:edit', SocketEditMessageDto)
  edit(socket: AppSocket, input: SocketEditMessageDto) {
    return this.messages.edit(socket.data.user, input.conversationId, input.messageId, input.body);
  }

  @SocketRequest('message:delete', SocketDeleteMessageDto)
  remove(socket: AppSocket, input: SocketDeleteMessageDto) {
    return this.messages.remove(socket.data.user, input.conversationId, input.messageId);
  }

  @SocketRequest('conversation:read', SocketMarkReadDto)
  read(socket: AppSocket, input: SocketMarkReadDto) {
    return this.messages.markRead(socket.data.user, input.conversationId, input.seq);
  }

  @SocketRequest('sync', SyncDto)
  sync(socket: AppSocket, input: SyncDto) {
    return this.history.sync(socket.data.user, input.cursors, input.changes);
  }

  /** Typing goes to the other members only; it is throttled, and stops by itself after 5 s. */
  @SocketRequest('typing', SocketTypingDto)
  typingChanged(socket: AppSocket, input: SocketTypingDto) {
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
