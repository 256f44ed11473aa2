import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { SearchPageDto, SearchQueryDto } from './search.dto';
import { SearchService } from './search.service';
import { RequestSignal } from './request-signal';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get('messages')
  @ApiOperation({ summary: 'Search the messages of your conversations, best match first' })
  @ApiOkResponse({ type: SearchPageDto })
  @ApiTooManyRequestsResponse({
    description: 'Too many searches at once (of this user, tenant or instance); see Retry-After',
  })
  @ApiServiceUnavailableResponse({ description: 'The search took too long and was stopped' })
  search(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() query: SearchQueryDto,
    @RequestSignal() signal: AbortSignal,
  ) {
    return this.searchService.search(caller, query, signal);
  }
}
