import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module';
import { NotificationsDataModule } from '../notifications/notifications-data.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PeopleDataModule } from '../people/people-data.module';
import { ConversationAccess } from './conversation-access';
import { ConversationEventOrder } from './conversation-event-order';
import { ConversationIdsCache } from './conversation-ids-cache';
import { ConversationIdsLoader } from './conversation-ids-loader';
import { ConversationMembersRepository } from './conversation-members.repository';
import { ConversationMembersService } from './conversation-members.service';
import { ConversationRoomsHooks } from './conversation-rooms.hooks';
import { ConversationViews } from './conversation-views';
import { Conversation, ConversationFormerMember, ConversationMember } from './conversation.entity';
import { ConversationsController } from './conversations.controller';
import { ConversationsGateway } from './conversations.gateway';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';
import { MessageRateLimiter } from './message-rate-limiter';
import { MessagesController } from './messages.controller';
import { Message } from './message.entity';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';
import { MessageDetails } from './message-details';
import { MessageNotificationJob } from './message-notification-job';
import { MessageStateController } from './message-state.controller';
import { MessageStateGateway } from './message-state.gateway';
import { MessageStateRepository } from './message-state.repository';
import { MessageStateService } from './message-state.service';
import { TimelineNotes } from './timeline-notes';

@Module({
  imports: [
    PeopleDataModule,
    OutboxModule,
    FilesModule,
    NotificationsDataModule,
    TypeOrmModule.forFeature([Conversation, ConversationMember, ConversationFormerMember, Message]),
  ],
  controllers: [ConversationsController, MessagesController, MessageStateController],
  providers: [
    ConversationsRepository,
    ConversationMembersRepository,
    MessagesRepository,
    ConversationAccess,
    ConversationEventOrder,
    ConversationIdsCache,
    ConversationIdsLoader,
    ConversationViews,
    ConversationMembersService,
    ConversationsService,
    MessagesService,
    MessageRateLimiter,
    ConversationsGateway,
    MessageStateRepository,
    MessageDetails,
    MessageNotificationJob,
    MessageStateService,
    MessageStateGateway,
    TimelineNotes,
    ConversationRoomsHooks,
  ],
  exports: [ConversationsService, MessagesRepository],
})
export class ConversationsModule {}
