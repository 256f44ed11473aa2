import {
  ALERT_RESPONSES,
  MESSAGING_LIMITS,
  type AlertAckRequest,
  type AlertAckUpdate,
  type AlertRecipientView,
  type AlertResponse,
  type AlertView,
  type CreateAlertRequest,
} from '@mindsp/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
} from 'class-validator';
import { CanonicalUuid } from '../../common/canonical-uuid.pipe';
import { PlainText } from '../../common/validators';

export class CreateAlertDto implements CreateAlertRequest {
  @ApiProperty({ maxLength: MESSAGING_LIMITS.titleMaxLength })
  @PlainText({ max: MESSAGING_LIMITS.titleMaxLength })
  title!: string;

  @ApiProperty({ maxLength: MESSAGING_LIMITS.bodyMaxLength })
  @PlainText({ max: MESSAGING_LIMITS.bodyMaxLength, multiline: true })
  body!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Alert the members of this conversation (you are a member; an admin, or the creator of the group)',
  })
  @IsOptional()
  @CanonicalUuid()
  conversationId?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Or alert these people of your organisation (admins only)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MESSAGING_LIMITS.groupMaxMembers)
  @ArrayUnique()
  @CanonicalUuid({ each: true })
  userIds?: string[];
}

export class AlertAckDto implements AlertAckRequest {
  @ApiProperty({ enum: ALERT_RESPONSES })
  @IsIn(ALERT_RESPONSES)
  response!: AlertResponse;
}

/** The socket's `alert:ack`: the alert's id travels in the payload. */
export class SocketAlertAckDto extends AlertAckDto {
  @CanonicalUuid()
  alertId!: string;
}

export class AlertRecipientViewDto implements AlertRecipientView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ALERT_RESPONSES, nullable: true }) response!: AlertResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) respondedAt!: string | null;
  @ApiProperty({ description: 'Times they were notified, the first included' })
  notifiedCount!: number;
}

export class AlertViewDto implements AlertView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'uuid' }) senderId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) conversationId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [AlertRecipientViewDto] }) recipients!: AlertRecipientViewDto[];
}

export class AlertAckUpdateDto implements AlertAckUpdate {
  @ApiProperty({ format: 'uuid' }) alertId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: ALERT_RESPONSES }) response!: AlertResponse;
  @ApiProperty({ format: 'date-time' }) respondedAt!: string;
}
