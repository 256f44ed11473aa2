import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PeopleDataModule } from '../people/people-data.module';
import { ConversationsDataModule } from './conversations-data.module';
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
import { MessageRateLimiterService } from './message-rate-limiter.service';
import { MessagesController } from './messages.controller';
import { Message } from './message.entity';
import { MessagesRepository } from './messages.repository';
import { MessageSearchRepository } from './message-search.repository';
import { MessagesService } from './messages.service';
import { MessageHistoryService } from './message-history.service';
import { MessageRulesService } from './message-rules.service';
import { MessageDetailsService } from './message-details.service';
import { MessageStateController } from './message-state.controller';
import { MessageStateGateway } from './message-state.gateway';
import { MessageStateRepository } from './message-state.repository';
import { MessageStateService } from './message-state.service';
import { TimelineNotes } from './timeline-notes';

@Module({
  imports: [
    ConversationsDataModule,
    PeopleDataModule,
    OutboxModule,
    FilesModule,
    TypeOrmModule.forFeature([Conversation, ConversationMember, ConversationFormerMember, Message]),
  ],
  controllers: [ConversationsController, MessagesController, MessageStateController],
  providers: [
    ConversationsRepository,
    ConversationMembersRepository,
    MessagesRepository,
    MessageSearchRepository,
    ConversationAccess,
    ConversationEventOrder,
    ConversationIdsCache,
    ConversationIdsLoader,
    ConversationViews,
    ConversationMembersService,
    ConversationsService,
    MessagesService,
    MessageHistoryService,
    MessageRulesService,
    MessageRateLimiterService,
    ConversationsGateway,
    MessageStateRepository,
    MessageDetailsService,
    MessageStateService,
    MessageStateGateway,
    TimelineNotes,
    ConversationRoomsHooks,
  ],
  exports: [ConversationsService, MessageSearchRepository, ConversationsDataModule],
})
export class ConversationsModule {}
