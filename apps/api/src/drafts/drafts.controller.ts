import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { CanonicalUuidPipe } from '../common/canonical-uuid.pipe';
import { DraftsService } from './drafts.service';
import { DraftViewDto, SaveDraftDto } from './dto/drafts.dto';

@ApiTags('conversations')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Unknown, of another organisation, or you are not a member' })
@Controller('conversations/:id/draft')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Get()
  @ApiOperation({ summary: 'Your unsent text of this conversation (saved from any device)' })
  @ApiOkResponse({ type: DraftViewDto })
  get(@CurrentUser() caller: AuthenticatedUser, @Param('id', CanonicalUuidPipe) id: string) {
    return this.drafts.get(caller, id);
  }

  @Put()
  @ApiOperation({ summary: 'Save your unsent text of this conversation; blank removes it' })
  @ApiOkResponse({ type: DraftViewDto })
  save(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Body() input: SaveDraftDto,
  ) {
    return this.drafts.save(caller, id, input.body);
  }
}
