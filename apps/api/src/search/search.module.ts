import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';
import { SearchSlots } from './search-slots';

/** The search endpoint; the query itself is MessageSearchRepository's (conversations/). */
@Module({
  imports: [ConversationsModule],
  controllers: [SearchController],
  providers: [SearchService, SearchSlots],
})
export class SearchModule {}
