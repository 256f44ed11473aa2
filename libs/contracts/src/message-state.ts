/**
 * What a message carries besides its body: its reactions, whether it is pinned, and, for a
 * timeline note, what happened. Every change to these takes the conversation's next change number
 * (stored as the message's `changeSeq`), so a client that was away gets them from one `sync`, in
 * `changed`, exactly as it gets edits and deletions.
 */

export const NOTE_LIMITS = {
  /** People a note of additions names; the rest are counted. */
  namesMax: 10,
} as const;

export const REACTION_LIMITS = {
  /** An emoji is one grapheme sequence (flags, skin tones, ZWJ families): at most this many UTF-16 units. */
  emojiMaxLength: 32,
  /** Different emojis on one message. */
  emojisPerMessage: 50,
} as const;

/** One emoji on a message and who put it there (oldest first); the count is `userIds.length`. */
export interface ReactionView {
  emoji: string;
  userIds: string[];
}

export interface ReactionRequest {
  emoji: string;
}

/**
 * What a timeline note says happened; the SPA writes the sentence in the reader's language. The
 * note's `senderId` is who did it.
 */
export type TimelineNote =
  | { type: 'renamed'; title: string }
  /**
   * `count` people added; `userIds` names the first `NOTE_LIMITS.namesMax` of them: a group of
   * thousands grows 500 at a time, and the note, which every member's conversation view carries
   * as its last message, stays small.
   */
  | { type: 'added'; userIds: string[]; count: number }
  | { type: 'removed'; userId: string }
  | { type: 'left' };

/**
 * One emoji as the picker gives it: pictographs with their modifiers, skin tones and joiners, flags
 * (regional indicators), keycaps. Text such as ":+1:" or "ok" is not a reaction.
 */
const REACTION_EMOJI =
  /^(?=.*(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3))(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\p{Emoji_Modifier}|\u200d|\ufe0f)+$/u;

export function isReactionEmoji(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= REACTION_LIMITS.emojiMaxLength &&
    REACTION_EMOJI.test(value)
  );
}
