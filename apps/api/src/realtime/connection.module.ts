import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { PeopleModule } from '../people/people.module';
import { ConnectionGateway } from './connection.gateway';
import { SocketEventLimits } from './socket-event-limits';
import { SocketSlots } from './socket-slots';

/** A socket's life (see ConnectionGateway): needs the features whose rooms and state it sets up. */
@Module({
  imports: [AuthModule, ConversationsModule, PeopleModule],
  providers: [ConnectionGateway, SocketSlots, SocketEventLimits],
})
export class ConnectionModule {}
