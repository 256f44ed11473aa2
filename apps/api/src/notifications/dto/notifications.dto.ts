import {
  EMAIL_DIGESTS,
  NOTIFICATION_TYPES,
  type AnnouncementRequest,
  type ChannelPreference,
  type EmailDigest,
  type NotificationListQuery,
  type NotificationPage,
  type NotificationSettings,
  type NotificationType,
  type NotificationView,
  type QuietHours,
} from '@mindsp/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
  buildMessage,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { PlainText } from '../../common/validators';
import { CanonicalUuid } from '../../common/canonical-uuid.pipe';
import { isTimeZone } from '../notification-settings';

export class NotificationListQueryDto extends PageQueryDto implements NotificationListQuery {
  @ApiPropertyOptional({ description: 'Only the unread ones', type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class NotificationViewDto implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type!: NotificationType;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) actionUrl!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class NotificationPageDto implements NotificationPage {
  @ApiProperty({ type: [NotificationViewDto] }) items!: NotificationViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ description: 'All unread notifications, not only this page’s' })
  unreadCount!: number;
}

export class ReadAllResponseDto {
  @ApiProperty({ type: [String], description: 'The notifications this marked read' })
  ids!: string[];
}

export class ChannelPreferenceDto implements ChannelPreference {
  @ApiProperty() @IsDefined() @IsBoolean() inApp!: boolean;
  @ApiProperty() @IsDefined() @IsBoolean() email!: boolean;
}

/** One property per notification type, every one required. */
export class TypePreferencesDto implements Record<NotificationType, ChannelPreference> {
  @ApiProperty()
  @IsDefined()
  @ValidateNested()
  @Type(() => ChannelPreferenceDto)
  message!: ChannelPreferenceDto;
  @ApiProperty()
  @IsDefined()
  @ValidateNested()
  @Type(() => ChannelPreferenceDto)
  mention!: ChannelPreferenceDto;
  @ApiProperty()
  @IsDefined()
  @ValidateNested()
  @Type(() => ChannelPreferenceDto)
  reminder!: ChannelPreferenceDto;
  @ApiProperty()
  @IsDefined()
  @ValidateNested()
  @Type(() => ChannelPreferenceDto)
  fmpa!: ChannelPreferenceDto;
  @ApiProperty({ description: 'Urgent alerts cannot be switched off: stored as on, whatever sent' })
  @IsDefined()
  @ValidateNested()
  @Type(() => ChannelPreferenceDto)
  alert!: ChannelPreferenceDto;
  @ApiProperty()
  @IsDefined()
  @ValidateNested()
  @Type(() => ChannelPreferenceDto)
  system!: ChannelPreferenceDto;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export class QuietHoursDto implements QuietHours {
  @ApiProperty() @IsDefined() @IsBoolean() enabled!: boolean;

  @ApiProperty({ example: '22:00', pattern: HH_MM.source })
  @IsDefined()
  @Matches(HH_MM, { message: '$property must be a time as HH:MM (00:00 to 23:59)' })
  start!: string;

  @ApiProperty({ example: '07:00', pattern: HH_MM.source })
  @IsDefined()
  @Matches(HH_MM, { message: '$property must be a time as HH:MM (00:00 to 23:59)' })
  end!: string;

  @ApiProperty({ example: 'Europe/Paris', description: 'An IANA time zone' })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  @ValidateBy({
    name: 'timeZone',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isTimeZone(value),
      defaultMessage: buildMessage(
        (prefix) => `${prefix}$property must be an IANA time zone such as Europe/Paris`,
      ),
    },
  })
  timeZone!: string;
}

export class NotificationSettingsDto implements NotificationSettings {
  @ApiProperty({ type: TypePreferencesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => TypePreferencesDto)
  types!: TypePreferencesDto;

  @ApiProperty({ type: QuietHoursDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours!: QuietHoursDto;

  @ApiProperty({ enum: EMAIL_DIGESTS })
  @IsDefined()
  @IsIn(EMAIL_DIGESTS)
  emailDigest!: EmailDigest;
}

export class AnnouncementDto implements AnnouncementRequest {
  @ApiProperty({ maxLength: 200 })
  @PlainText({ max: 200 })
  title!: string;

  @ApiProperty({ maxLength: 4000 })
  @PlainText({ max: 4000, multiline: true })
  body!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Only the members of these groups; everyone in your organisation when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @CanonicalUuid({ each: true })
  conversationIds?: string[];
}

export class AnnouncementResponseDto {
  @ApiProperty({ format: 'uuid' }) announcementId!: string;
  @ApiProperty({ description: 'How many people it goes to' }) recipients!: number;
}
