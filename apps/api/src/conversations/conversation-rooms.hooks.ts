import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { rooms } from '../realtime/rooms';
import { type SocketHooks, SocketHooksProvider } from '../realtime/socket-plugins';
import { ConversationsService } from './conversations.service';

/**
 * Conversations' part of a socket's connect: the rooms of every conversation the user is in,
 * joined by the realtime kernel before the client hears `connect` (later joins and leaves go
 * through RoomMembershipService when members change).
 */
@Injectable()
@SocketHooksProvider()
export class ConversationRoomsHooks implements SocketHooks {
  constructor(private readonly conversations: ConversationsService) {}

  async roomsAtConnect(user: AuthenticatedUser): Promise<string[]> {
    return (await this.conversations.conversationIdsOf(user)).map(rooms.conversation);
  }
}
