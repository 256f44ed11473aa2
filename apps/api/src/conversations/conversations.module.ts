import { Module } from '@nestjs/common';
import { TenantDatabase } from '../database/tenant-database';
import { ConversationAccess } from './conversation-access';
import { ConversationEventOrder } from './conversation-event-order';
import { ConversationMembersService } from './conversation-members.service';
import { ConversationViews } from './conversation-views';
import { ConversationsController } from './conversations.controller';
import { ConversationsGateway } from './conversations.gateway';
import { ConversationsService } from './conversations.service';
import { MessageRateLimiter } from './message-rate-limiter';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';

@Module({
  controllers: [ConversationsController, MessagesController],
  providers: [
    TenantDatabase,
    ConversationAccess,
    ConversationEventOrder,
    ConversationViews,
    ConversationMembersService,
    ConversationsService,
    MessagesService,
    MessageRateLimiter,
    ConversationsGateway,
  ],
  exports: [ConversationsService],
})
export class ConversationsModule {}
