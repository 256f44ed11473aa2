import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { SearchPageDto, SearchQueryDto } from './search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get('messages')
  @ApiOperation({ summary: 'Search the messages of your conversations, best match first' })
  @ApiOkResponse({ type: SearchPageDto })
  search(@CurrentUser() caller: AuthenticatedUser, @Query() query: SearchQueryDto) {
    return this.searchService.search(caller, query);
  }
}
