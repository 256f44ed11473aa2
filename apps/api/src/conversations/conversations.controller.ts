import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CanonicalUuidPipe } from '../common/canonical-uuid.pipe';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { ConversationsService } from './conversations.service';
import {
  AddMembersDto,
  ConversationListQueryDto,
  ConversationPageDto,
  ConversationViewDto,
  CreateConversationDto,
  MemberListQueryDto,
  MemberPageDto,
  MembershipUpdateDto,
  UpdateConversationDto,
} from './dto/conversations.dto';

const NOT_FOUND = 'Unknown, of another organisation, or you are not a member';

@ApiTags('conversations')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: NOT_FOUND })
@Controller('conversations')
export class ConversationsController {
  constructor(private readonly conversations: ConversationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your conversations, most recent activity first' })
  @ApiOkResponse({ type: ConversationPageDto })
  list(@CurrentUser() caller: AuthenticatedUser, @Query() query: ConversationListQueryDto) {
    return this.conversations.list(caller, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Open a direct conversation (the existing one if any: 200) or create a group (201)',
  })
  @ApiCreatedResponse({ type: ConversationViewDto })
  @ApiOkResponse({
    type: ConversationViewDto,
    description: 'The direct conversation with that person already existed',
  })
  async create(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() input: CreateConversationDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { view, created } = await this.conversations.create(caller, input);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return view;
  }

  @Get(':id')
  @ApiOkResponse({ type: ConversationViewDto })
  get(@CurrentUser() caller: AuthenticatedUser, @Param('id', CanonicalUuidPipe) id: string) {
    return this.conversations.get(caller, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a group' })
  @ApiOkResponse({ type: ConversationViewDto })
  rename(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Body() input: UpdateConversationDto,
  ) {
    return this.conversations.rename(caller, id, input.title);
  }

  @Put(':id/membership')
  @ApiOperation({ summary: 'Your own state of a conversation: mute it, archive it' })
  @ApiOkResponse({ type: ConversationViewDto })
  updateMembership(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Body() input: MembershipUpdateDto,
  ) {
    return this.conversations.updateMembership(caller, id, input);
  }

  @Get(':id/members')
  @ApiOperation({ summary: "A conversation's members by name, a page at a time" })
  @ApiOkResponse({ type: MemberPageDto })
  members(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Query() query: MemberListQueryDto,
  ) {
    return this.conversations.memberPage(caller, id, query);
  }

  @Post(':id/members')
  @ApiOperation({ summary: 'Add people of your organisation to a group' })
  @ApiCreatedResponse({ type: ConversationViewDto })
  addMembers(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Body() input: AddMembersDto,
  ) {
    return this.conversations.addMembers(caller, id, input);
  }

  @Delete(':id/members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Leave a group (yourself) or remove someone (group creator or admin)' })
  @ApiNoContentResponse()
  removeMember(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Param('userId', CanonicalUuidPipe) userId: string,
  ) {
    return this.conversations.removeMember(caller, id, userId);
  }
}
