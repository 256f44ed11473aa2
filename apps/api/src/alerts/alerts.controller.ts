import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import { CanonicalUuidPipe } from '../common/canonical-uuid.pipe';
import { AlertsService } from './alerts.service';
import { AlertAckDto, AlertAckUpdateDto, AlertViewDto, CreateAlertDto } from './dto/alerts.dto';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Send an urgent alert: in-app, browser and email at once, whatever quiet hours say; those who do not answer are notified again',
  })
  @ApiCreatedResponse({ type: AlertViewDto })
  @ApiForbiddenResponse({
    description: 'Not an admin nor the creator of the group (people by name: admins only)',
  })
  @ApiNotFoundResponse({
    description: 'A conversation you are not a member of, or a person not of your organisation',
  })
  @ApiTooManyRequestsResponse({
    description:
      'Past ALERT_LIMIT_PER_USER for you, or ALERT_LIMIT_PER_TENANT for your organisation',
  })
  create(@CurrentUser() caller: AuthenticatedUser, @Body() input: CreateAlertDto) {
    return this.alerts.create(caller, input);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An alert with every answer (its sender, admins and its recipients)' })
  @ApiOkResponse({ type: AlertViewDto })
  @ApiNotFoundResponse({ description: 'Unknown, of another organisation, or not yours to see' })
  get(@CurrentUser() caller: AuthenticatedUser, @Param('id', CanonicalUuidPipe) id: string) {
    return this.alerts.get(caller, id);
  }

  @Post(':id/ack')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Answer an alert you received (answering again replaces the answer); the sender sees it live',
  })
  @ApiOkResponse({ type: AlertAckUpdateDto })
  @ApiForbiddenResponse({ description: 'You sent it (or are an admin) but were not alerted' })
  @ApiNotFoundResponse({ description: 'Unknown, of another organisation, or not sent to you' })
  acknowledge(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id', CanonicalUuidPipe) id: string,
    @Body() input: AlertAckDto,
  ) {
    return this.alerts.acknowledge(caller, id, input.response);
  }
}
