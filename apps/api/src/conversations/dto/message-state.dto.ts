import {
  REACTION_LIMITS,
  isReactionEmoji,
  normalizeReactionEmoji,
  type ReactionRequest,
  type SocketPin,
  type SocketReact,
} from '@mindsp/contracts';
import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { badField } from '../../common/bad-request';
import { Transform } from 'class-transformer';
import { IsBoolean, ValidateBy } from 'class-validator';
import { CanonicalUuid } from '../../common/canonical-uuid.pipe';

/**
 * One emoji and nothing else (see `normalizeReactionEmoji`), taken in its stored spelling: text,
 * digits or invisible characters beside it, a number or a long string are a 400.
 */
const BAD_EMOJI = `emoji must be one emoji and nothing else (at most ${REACTION_LIMITS.emojiMaxLength} characters)`;

/** The emoji of a path (`/reactions/:emoji`, URL-encoded): 400 naming it unless it is one. */
@Injectable()
export class ReactionEmojiPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    const emoji = normalizeReactionEmoji(value);
    if (emoji === null) throw badField('emoji', BAD_EMOJI);
    return emoji;
  }
}

function ReactionEmoji(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }) => normalizeReactionEmoji(value) ?? value)(target, key);
    ValidateBy({
      name: 'reactionEmoji',
      validator: {
        validate: (value: unknown) => isReactionEmoji(value),
        defaultMessage: () => BAD_EMOJI,
      },
    })(target, key);
    ApiProperty({ example: '👍', maxLength: REACTION_LIMITS.emojiMaxLength })(target, key);
  };
}

export class ReactionDto implements ReactionRequest {
  @ReactionEmoji() emoji!: string;
}

export class SocketReactDto extends ReactionDto implements SocketReact {
  @CanonicalUuid() conversationId!: string;
  @CanonicalUuid() messageId!: string;
  @IsBoolean() reacted!: boolean;
}

export class SocketPinDto implements SocketPin {
  @CanonicalUuid() conversationId!: string;
  @CanonicalUuid() messageId!: string;
  @IsBoolean() pinned!: boolean;
}
