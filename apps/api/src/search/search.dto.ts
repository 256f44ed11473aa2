import type { SearchHit, SearchQuery } from '@mindsp/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CanonicalUuid } from '../common/canonical-uuid';
import { PageQueryDto } from '../common/pagination';
import { PlainText } from '../common/validators';
import { MessageViewDto } from '../conversations/dto/messages.dto';

/** The shared page query (limit, cursor) plus what to find; search pages default to 20 hits. */
export class SearchQueryDto extends PageQueryDto implements SearchQuery {
  @ApiProperty({
    description: 'Words to find; accents and case are ignored, French stemming applies',
  })
  @PlainText({ max: 200 })
  q!: string;

  @ApiPropertyOptional({ description: 'Only this conversation' })
  @IsOptional()
  @CanonicalUuid()
  conversationId?: string;
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
