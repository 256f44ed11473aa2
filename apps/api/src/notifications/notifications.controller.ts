import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { AdminOnly } from '../common/admin-only.decorator';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { CanonicalUuidPipe } from '../common/canonical-uuid.pipe';
import {
  AnnouncementDto,
  AnnouncementResponseDto,
  NotificationListQueryDto,
  NotificationPageDto,
  NotificationSettingsDto,
  NotificationViewDto,
  ReadAllResponseDto,
} from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications, newest first, with your unread count' })
  @ApiOkResponse({ type: NotificationPageDto })
  list(@CurrentUser() caller: AuthenticatedUser, @Query() query: NotificationListQueryDto) {
    return this.notifications.list(caller, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: ReadAllResponseDto })
  readAll(@CurrentUser() caller: AuthenticatedUser) {
    return this.notifications.readAll(caller);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiOkResponse({ type: NotificationViewDto })
  @ApiNotFoundResponse({ description: 'You have no such notification' })
  read(@CurrentUser() caller: AuthenticatedUser, @Param('id', CanonicalUuidPipe) id: string) {
    return this.notifications.read(caller, id);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('settings/notifications')
export class NotificationSettingsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your notification preferences, quiet hours and digest' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  get(@CurrentUser() caller: AuthenticatedUser) {
    return this.notifications.getSettings(caller);
  }

  @Put()
  @ApiOperation({ summary: 'Save your notification settings (every type present)' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  put(@CurrentUser() caller: AuthenticatedUser, @Body() input: NotificationSettingsDto) {
    return this.notifications.saveSettings(caller, input);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'The same as PUT (the name the seed uses)' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  post(@CurrentUser() caller: AuthenticatedUser, @Body() input: NotificationSettingsDto) {
    return this.notifications.saveSettings(caller, input);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@AdminOnly()
@Controller('admin/announcements')
export class AnnouncementsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post()
  @ApiOperation({
    summary: 'Announce to everyone in your organisation, or to the members of some groups',
  })
  @ApiCreatedResponse({ type: AnnouncementResponseDto })
  @ApiNotFoundResponse({ description: 'One of the groups does not exist in your organisation' })
  @ApiTooManyRequestsResponse({
    description:
      'Past ANNOUNCEMENT_LIMIT_PER_USER for you, or ANNOUNCEMENT_LIMIT_PER_TENANT for your organisation',
  })
  announce(@CurrentUser() caller: AuthenticatedUser, @Body() input: AnnouncementDto) {
    return this.notifications.announce(caller, input);
  }
}
