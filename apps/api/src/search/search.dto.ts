import type { SearchHit, SearchQuery } from '@mindsp/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CanonicalUuid } from '../common/canonical-uuid.pipe';
import { PageQueryDto } from '../common/pagination';
import { Instant, PlainText } from '../common/validators';
import { MessageViewDto } from '../conversations/dto/messages.dto';
import { SEARCH_MAX_WORDS, SEARCH_MAX_WORD_LENGTH, SearchWords } from './search-words';

/** The shared page query (limit, cursor) plus what to find; search pages default to 20 hits. */
export class SearchQueryDto extends PageQueryDto implements SearchQuery {
  @ApiProperty({
    description: `Words to find (at most ${SEARCH_MAX_WORDS}, each of at most ${SEARCH_MAX_WORD_LENGTH} characters; \`or\` between two means either); accents and case are ignored, French stemming applies`,
  })
  @PlainText({ max: 200 })
  @SearchWords()
  q!: string;

  @ApiPropertyOptional({ description: 'Only this conversation' })
  @IsOptional()
  @CanonicalUuid()
  conversationId?: string;

  @ApiPropertyOptional({ description: 'Only messages of this person' })
  @IsOptional()
  @CanonicalUuid()
  senderId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Only messages sent at or after this instant (RFC 3339; a date alone is its midnight UTC)',
  })
  @IsOptional()
  @Instant({ dateOnly: true })
  since?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Only messages sent before this instant (RFC 3339; a date alone is its midnight UTC)',
  })
  @IsOptional()
  @Instant({ dateOnly: true })
  until?: string;

  @ApiPropertyOptional({ description: 'true: only messages with files' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  hasFile?: boolean;
}

class SearchConversationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ enum: ['direct', 'group'] }) kind!: 'direct' | 'group';
  @ApiProperty({
    type: String,
    nullable: true,
    description: "A direct conversation's other member",
  })
  otherName!: string | null;
}

export class SearchHitDto implements SearchHit {
  @ApiProperty({ type: MessageViewDto }) message!: MessageViewDto;
  @ApiProperty({ type: SearchConversationDto }) conversation!: SearchConversationDto;
  @ApiProperty() senderName!: string;
  @ApiProperty({
    description: 'The body with matched words between « and » (plain text, not HTML)',
  })
  highlight!: string;
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchHitDto] }) items!: SearchHitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
