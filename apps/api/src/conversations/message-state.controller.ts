import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { CanonicalUuidPipe } from '../common/canonical-uuid.pipe';
import { ReactionDto, ReactionEmojiPipe } from './dto/message-state.dto';
import { MessageViewDto } from './dto/messages.dto';
import { MessageStateService } from './message-state.service';

@ApiTags('messages')
@ApiBearerAuth()
@ApiNotFoundResponse({
  description: 'Unknown conversation or message, of another organisation, or you are not a member',
})
@Controller('conversations/:id')
export class MessageStateController {
  constructor(private readonly state: MessageStateService) {}

  @Post('messages/:messageId/reactions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'React with an emoji (again: no change); members hear message:updated' })
  @ApiOkResponse({ type: MessageViewDto })
  @ApiConflictResponse({ description: 'The message was deleted, or has too many reactions' })
  react(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Param('messageId', CanonicalUuidPipe) messageId: string,
    @Body() input: ReactionDto,
  ) {
    return this.state.react(caller, id, messageId, input.emoji, true);
  }

  @Delete('messages/:messageId/reactions/:emoji')
  @ApiOperation({ summary: 'Take your reaction back (none: no change); the emoji URL-encoded' })
  @ApiOkResponse({ type: MessageViewDto })
  unreact(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Param('messageId', CanonicalUuidPipe) messageId: string,
    @Param('emoji', ReactionEmojiPipe) emoji: string,
  ) {
    return this.state.react(caller, id, messageId, emoji, false);
  }

  @Put('messages/:messageId/pin')
  @ApiOperation({ summary: 'Pin a message for every member' })
  @ApiOkResponse({ type: MessageViewDto })
  pin(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Param('messageId', CanonicalUuidPipe) messageId: string,
  ) {
    return this.state.pin(caller, id, messageId, true);
  }

  @Delete('messages/:messageId/pin')
  @ApiOperation({ summary: 'Unpin a message' })
  @ApiOkResponse({ type: MessageViewDto })
  unpin(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Param('messageId', CanonicalUuidPipe) messageId: string,
  ) {
    return this.state.pin(caller, id, messageId, false);
  }

  @Get('pins')
  @ApiOperation({ summary: 'The pinned messages, latest pin first' })
  @ApiOkResponse({ type: [MessageViewDto] })
  pins(@CurrentUser() caller: AuthenticatedUser, @Param('id', CanonicalUuidPipe) id: string) {
    return this.state.pinned(caller, id);
  }
}
