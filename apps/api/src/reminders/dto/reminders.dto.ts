import {
  MESSAGING_LIMITS,
  REMINDER_STATUSES,
  REMINDER_TYPES,
  type CreateReminderRequest,
  type ReminderListQuery,
  type ReminderType,
  type ReminderView,
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
import { PageQueryDto } from '../../common/pagination';
import { Instant, PlainText } from '../../common/validators';

export class CreateReminderDto implements CreateReminderRequest {
  @ApiProperty({
    format: 'date-time',
    description: 'When it fires: in the future, within a year, with its offset',
  })
  @Instant()
  remindAt!: string;

  @ApiProperty({ maxLength: MESSAGING_LIMITS.titleMaxLength })
  @PlainText({ max: MESSAGING_LIMITS.titleMaxLength })
  title!: string;

  @ApiProperty({ maxLength: MESSAGING_LIMITS.bodyMaxLength })
  @PlainText({ max: MESSAGING_LIMITS.bodyMaxLength, multiline: true })
  body!: string;

  @ApiProperty({ enum: REMINDER_TYPES, description: '`fmpa`: a training session' })
  @IsIn(REMINDER_TYPES)
  type!: ReminderType;

  @ApiPropertyOptional({
    type: [String],
    description: 'Who is reminded (people of your organisation); the default is the conversation',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MESSAGING_LIMITS.groupMaxMembers)
  @ArrayUnique()
  @CanonicalUuid({ each: true })
  userIds?: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A conversation you are a member of: its members are reminded (unless userIds says who), and the reminder opens it',
  })
  @IsOptional()
  @CanonicalUuid()
  conversationId?: string;
}

export class ReminderListQueryDto extends PageQueryDto implements ReminderListQuery {
  @ApiPropertyOptional({ enum: REMINDER_STATUSES, default: 'scheduled' })
  @IsOptional()
  @IsIn(REMINDER_STATUSES)
  status?: ReminderView['status'];
}

export class ReminderViewDto implements ReminderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) remindAt!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: REMINDER_TYPES }) type!: ReminderType;
  @ApiProperty({ type: [String], description: 'Who is reminded' }) userIds!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) conversationId!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ enum: REMINDER_STATUSES }) status!: ReminderView['status'];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ReminderPageDto {
  @ApiProperty({ type: [ReminderViewDto] }) items!: ReminderViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
