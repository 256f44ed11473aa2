import {
  LIMITS,
  LOCALES,
  ROLES,
  type AuthUser,
  type Locale,
  type LoginRequest,
  type LoginResponse,
  type RefreshRequest,
  type Role,
  type TokenPair,
  type UpdateMeRequest,
} from '@mindsp/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EmailAddress, PlainText, WellFormedText } from '../../common/validators';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'demo', description: "The organisation's slug" })
  @PlainText({ max: 64 })
  tenant!: string;

  @ApiProperty({ example: 'alice@demo.test' })
  @EmailAddress()
  email!: string;

  @ApiProperty({ example: 'demo1234', maxLength: LIMITS.passwordMaxLength })
  @IsString()
  @IsNotEmpty()
  @WellFormedText()
  // Refused before hashing: argon2 on a megabyte password is a denial of service.
  @MaxLength(LIMITS.passwordMaxLength)
  password!: string;
}

export class RefreshDto implements RefreshRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @WellFormedText()
  refreshToken!: string;
}

export class UpdateMeDto implements UpdateMeRequest {
  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @PlainText({ max: 100 })
  displayName?: string;
}

export class AuthUserDto implements AuthUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ enum: LOCALES }) locale!: Locale;
}

export class TokenPairDto implements TokenPair {
  @ApiProperty({ description: 'JWT, short-lived; send as `Authorization: Bearer`' })
  accessToken!: string;
  @ApiProperty({ description: 'Opaque, single use: each refresh returns a new one' })
  refreshToken!: string;
}

export class LoginResponseDto extends TokenPairDto implements LoginResponse {
  @ApiProperty({ type: AuthUserDto }) user!: AuthUserDto;
}
