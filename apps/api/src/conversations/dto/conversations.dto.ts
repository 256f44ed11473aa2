import {
  CONVERSATION_KINDS,
  MESSAGING_LIMITS,
  type AddMembersRequest,
  type ConversationKind,
  type ConversationListQuery,
  type ConversationView,
  type FormerMemberView,
  type MemberListQuery,
  type MemberView,
  type MembershipUpdateRequest,
  type Page,
  type UpdateConversationRequest,
} from '@mindsp/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  ValidateIf,
} from 'class-validator';
import { CanonicalUuid } from '../../common/canonical-uuid.pipe';
import { PageQueryDto } from '../../common/pagination';
import { PlainText } from '../../common/validators';
import { MessageViewDto } from './messages.dto';

export class ConversationListQueryDto extends PageQueryDto implements ConversationListQuery {
  @ApiPropertyOptional({
    description: 'Matches the title or a member name, ignoring case and accents',
  })
  @IsOptional()
  @PlainText({ max: 100, allowBlank: true })
  q?: string;

  @ApiPropertyOptional({
    description: 'true: only your archived conversations (default: the others)',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  archived?: boolean;
}

export class MembershipUpdateDto implements MembershipUpdateRequest {
  @ApiPropertyOptional({ description: 'No notifications but mentions and alerts' })
  @IsOptional()
  @IsBoolean()
  muted?: boolean;

  @ApiPropertyOptional({ description: 'Hidden from the list until a new message arrives' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class CreateConversationDto {
  @ApiProperty({ enum: CONVERSATION_KINDS })
  @IsIn(CONVERSATION_KINDS)
  kind!: ConversationKind;

  @ApiPropertyOptional({
    description: 'Required for groups',
    maxLength: MESSAGING_LIMITS.titleMaxLength,
  })
  @ValidateIf((input: CreateConversationDto) => input.kind === 'group' || input.title !== undefined)
  @PlainText({ max: MESSAGING_LIMITS.titleMaxLength })
  title?: string;

  @ApiProperty({
    type: [String],
    description: 'The other people: exactly one for direct, one or more for a group',
  })
  @IsArray()
  @ArrayMinSize(1)
  // A larger group is built with add requests (GROUP_MAX_MEMBERS bounds the group itself).
  @ArrayMaxSize(MESSAGING_LIMITS.membersPerRequest)
  @ArrayUnique()
  @CanonicalUuid({ each: true })
  memberIds!: string[];
}

export class UpdateConversationDto implements UpdateConversationRequest {
  @ApiProperty({ maxLength: MESSAGING_LIMITS.titleMaxLength })
  @PlainText({ max: MESSAGING_LIMITS.titleMaxLength })
  title!: string;
}

export class AddMembersDto implements AddMembersRequest {
  @ApiProperty({ type: [String], maxItems: MESSAGING_LIMITS.membersPerRequest })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MESSAGING_LIMITS.membersPerRequest)
  @ArrayUnique()
  @CanonicalUuid({ each: true })
  userIds!: string[];
}

export class MemberViewDto implements MemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'Read watermark: every message with seq <= this is read' })
  lastReadSeq!: number;
  @ApiProperty({ description: "The conversation's last seq when they joined" })
  joinedAfterSeq!: number;
}

export class FormerMemberViewDto extends MemberViewDto implements FormerMemberView {
  @ApiProperty({ description: "The conversation's last seq when they left" })
  leftAtSeq!: number;
}

export class ConversationViewDto implements ConversationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONVERSATION_KINDS }) kind!: ConversationKind;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({
    type: [MemberViewDto],
    description: `Every member, or the first ${MESSAGING_LIMITS.membersInView} by name (see memberCount)`,
  })
  members!: MemberViewDto[];
  @ApiProperty({ description: 'How many members the conversation has' }) memberCount!: number;
  @ApiProperty({ type: [FormerMemberViewDto] }) formerMembers!: FormerMemberViewDto[];
  @ApiProperty({ type: MessageViewDto, nullable: true }) lastMessage!: MessageViewDto | null;
  @ApiProperty() lastSeq!: number;
  @ApiProperty({ description: "The caller's read watermark" }) lastReadSeq!: number;
  @ApiProperty() unreadCount!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ description: 'You muted it' }) muted!: boolean;
  @ApiProperty({ description: 'You archived it' }) archived!: boolean;
}

export class MemberListQueryDto extends PageQueryDto implements MemberListQuery {}

export class MemberPageDto implements Page<MemberView> {
  @ApiProperty({ type: [MemberViewDto] }) items!: MemberViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ConversationPageDto {
  @ApiProperty({ type: [ConversationViewDto] }) items!: ConversationViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
