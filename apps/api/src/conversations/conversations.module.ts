import { Module } from '@nestjs/common';
import { ConversationsController } from './conversations.controller';
import { ConversationsGateway } from './conversations.gateway';
import { ConversationsService } from './conversations.service';
import { MessageRateLimiter } from './message-rate-limiter';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';

@Module({
  controllers: [ConversationsController, MessagesController],
  providers: [ConversationsService, MessagesService, MessageRateLimiter, ConversationsGateway],
})
export class ConversationsModule {}
