import {
  LIMITS,
  LOCALES,
  PROFILE_LIMITS,
  ROLES,
  type Locale,
  type Page,
  type Role,
  type UpdateProfileRequest,
  type UserListQuery,
  type UserSummary,
} from '@mindsp/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/pagination';
import { EmailAddress, PlainText, WellFormedText } from '../../common/validators';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class UserListQueryDto extends PageQueryDto implements UserListQuery {
  @ApiPropertyOptional({ description: 'Matches name or email, ignoring case and accents' })
  @IsOptional()
  @PlainText({ max: 100, allowBlank: true })
  q?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'erin@demo.test' })
  @EmailAddress()
  email!: string;

  @ApiProperty({ example: 'Erin Lefèvre', maxLength: 100 })
  @PlainText({ max: 100 })
  displayName!: string;

  @ApiProperty({ minLength: 8, maxLength: LIMITS.passwordMaxLength })
  @IsString()
  @WellFormedText()
  @MinLength(8)
  @MaxLength(LIMITS.passwordMaxLength)
  password!: string;

  @ApiPropertyOptional({ enum: ROLES, default: 'member' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: LOCALES, default: 'fr' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class UserSummaryDto implements UserSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'Has at least one open connection' }) online!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When their last connection closed',
  })
  lastSeenAt!: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: PROFILE_LIMITS.statusTextMaxLength })
  statusText!: string | null;
  @ApiProperty({ description: 'False once an admin deactivated them' }) active!: boolean;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @ApiPropertyOptional({ maxLength: PROFILE_LIMITS.displayNameMaxLength })
  @IsOptional()
  @PlainText({ max: PROFILE_LIMITS.displayNameMaxLength })
  displayName?: string;

  @ApiPropertyOptional({
    maxLength: PROFILE_LIMITS.statusTextMaxLength,
    description: "What others see beside your name; '' clears it",
  })
  @IsOptional()
  @PlainText({ max: PROFILE_LIMITS.statusTextMaxLength, allowBlank: true })
  statusText?: string;
}

export class UserPageDto implements Page<UserSummary> {
  @ApiProperty({ type: [UserSummaryDto] }) items!: UserSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
