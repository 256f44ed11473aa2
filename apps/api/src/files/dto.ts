import {
  ATTACHMENT_VARIANTS,
  type AttachmentLink,
  type AttachmentVariant,
  type AttachmentView,
  type TenantStorageView,
} from '@mindsp/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class AttachmentViewDto implements AttachmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) conversationId!: string;
  @ApiProperty({ description: 'Sanitised file name' }) name!: string;
  @ApiProperty({ description: 'The type found in the bytes' }) contentType!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ enum: ['image', 'file'] }) kind!: 'image' | 'file';
  @ApiProperty({ type: Number, nullable: true }) width!: number | null;
  @ApiProperty({ type: Number, nullable: true }) height!: number | null;
}

export class AttachmentLinkDto implements AttachmentLink {
  @ApiProperty({ description: 'Works without a token until expiresAt' }) url!: string;
  @ApiProperty() expiresAt!: string;
}

export class AttachmentLinkQueryDto {
  @ApiPropertyOptional({ enum: ATTACHMENT_VARIANTS, default: 'original' })
  @IsOptional()
  @IsIn(ATTACHMENT_VARIANTS)
  variant?: AttachmentVariant;
}

export class UploadDto {
  @ApiProperty({ type: 'string', format: 'binary' }) file!: unknown;
}

export class TenantStorageViewDto implements TenantStorageView {
  @ApiProperty({ description: "Bytes the organisation's attachments take (originals)" })
  usedBytes!: number;
  @ApiProperty({ description: 'FILES_TENANT_QUOTA: uploads past it are refused' })
  quotaBytes!: number;
}
