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
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CanonicalUuidPipe } from '../common/canonical-uuid.pipe';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import {
  EditMessageDto,
  MarkReadDto,
  MessageListQueryDto,
  MessagePageDto,
  MessageViewDto,
  SendMessageDto,
} from './dto/messages.dto';
import { MessageHistoryService } from './message-history.service';
import { MessagesService } from './messages.service';

class ReadUpdateDto {
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ description: 'The read watermark after the call' }) seq!: number;
}

@ApiTags('messages')
@ApiBearerAuth()
@ApiNotFoundResponse({
  description: 'Unknown conversation or message, of another organisation, or you are not a member',
})
@Controller('conversations/:id')
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly history: MessageHistoryService,
  ) {}

  @Get('messages')
  @ApiOperation({ summary: 'A page of history (latest by default), ascending seq' })
  @ApiOkResponse({ type: MessagePageDto })
  list(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Query() query: MessageListQueryDto,
  ) {
    return this.history.list(caller, id, query);
  }

  @Post('messages')
  @ApiOperation({
    summary: 'Send a message; the same clientMessageId again returns the same message',
  })
  @ApiCreatedResponse({ type: MessageViewDto })
  @ApiConflictResponse({ description: 'clientMessageId already used for a different message' })
  @ApiTooManyRequestsResponse({ description: 'Sending too fast' })
  send(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Body() input: SendMessageDto,
  ) {
    return this.messages.send(caller, id, input);
  }

  @Patch('messages/:messageId')
  @ApiOperation({ summary: 'Edit your message' })
  @ApiOkResponse({ type: MessageViewDto })
  edit(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Param('messageId', CanonicalUuidPipe) messageId: string,
    @Body() input: EditMessageDto,
  ) {
    return this.messages.edit(caller, id, messageId, input.body);
  }

  @Delete('messages/:messageId')
  @ApiOperation({ summary: 'Delete a message for everyone (sender, or an admin)' })
  @ApiOkResponse({ type: MessageViewDto })
  remove(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Param('messageId', CanonicalUuidPipe) messageId: string,
  ) {
    return this.messages.remove(caller, id, messageId);
  }

  @Post('read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark read up to a seq; the watermark only moves forward' })
  @ApiOkResponse({ type: ReadUpdateDto })
  markRead(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Body() input: MarkReadDto,
  ) {
    return this.messages.markRead(caller, id, input.seq);
  }
}
