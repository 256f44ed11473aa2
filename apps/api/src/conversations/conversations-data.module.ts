import { Module } from '@nestjs/common';
import { ConversationsReader } from './conversations.reader';

/**
 * What other features may read of conversations, in the API and in the worker alike: the
 * ConversationsReader. ConversationsModule (REST, sockets) re-exports it.
 */
@Module({
  providers: [ConversationsReader],
  exports: [ConversationsReader],
})
export class ConversationsDataModule {}
