import { LIMITS, type SearchHit, type SearchQuery } from '@mindsp/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CanonicalUuid } from '../common/canonical-uuid';
import { PlainText } from '../common/validators';
import { MessageViewDto } from '../conversations/dto/messages.dto';

export class SearchQueryDto implements SearchQuery {
  @ApiProperty({
    description: 'Words to find; accents and case are ignored, French stemming applies',
  })
  @PlainText({ max: 200 })
  q!: string;

  @ApiPropertyOptional({ description: 'Only this conversation' })
  @IsOptional()
  @CanonicalUuid()
  conversationId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.pageSizeMax, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSizeMax)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;
}

class SearchConversationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
}

export class SearchHitDto implements SearchHit {
  @ApiProperty({ type: MessageViewDto }) message!: MessageViewDto;
  @ApiProperty({ type: SearchConversationDto }) conversation!: SearchConversationDto;
  @ApiProperty({
    description: 'The body with matched words between « and » (plain text, not HTML)',
  })
  highlight!: string;
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchHitDto] }) items!: SearchHitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
