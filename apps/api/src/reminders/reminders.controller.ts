import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { CanonicalUuidPipe } from '../common/canonical-uuid.pipe';
import {
  CreateReminderDto,
  ReminderListQueryDto,
  ReminderPageDto,
  ReminderViewDto,
} from './dto/reminders.dto';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Post()
  @ApiOperation({
    summary:
      'Set a reminder: notifies its targets at remindAt (the userIds, else the conversation members, else you)',
  })
  @ApiCreatedResponse({ type: ReminderViewDto })
  @ApiNotFoundResponse({
    description: 'A conversation you are not a member of, or a person not of your organisation',
  })
  @ApiTooManyRequestsResponse({
    description:
      'Past REMINDER_LIMIT_PER_USER for you, or REMINDER_LIMIT_PER_TENANT for your organisation',
  })
  create(@CurrentUser() caller: AuthenticatedUser, @Body() input: CreateReminderDto) {
    return this.reminders.create(caller, input);
  }

  @Get()
  @ApiOperation({
    summary: 'Reminders you set or that are set for you: upcoming ones soonest first by default',
  })
  @ApiOkResponse({ type: ReminderPageDto })
  list(@CurrentUser() caller: AuthenticatedUser, @Query() query: ReminderListQueryDto) {
    return this.reminders.list(caller, query);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Cancel a scheduled reminder (who set it, or an admin)' })
  @ApiNoContentResponse({ description: 'Cancelled (or it already was)' })
  @ApiNotFoundResponse({ description: 'Unknown, of another organisation, or not yours to see' })
  @ApiForbiddenResponse({
    description: 'Set for you by someone else: only they or an admin can cancel it',
  })
  @ApiConflictResponse({ description: 'It was already sent' })
  cancel(@CurrentUser() caller: AuthenticatedUser, @Param('id', CanonicalUuidPipe) id: string) {
    return this.reminders.cancel(caller, id);
  }
}
