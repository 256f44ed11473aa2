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
 * Exactly one emoji of Unicode's recommended set (RGI: pictographs with their skin tones, ZWJ
 * families, flags, keycaps, subdivision tags), nothing beside it: `👍2026` or `👍` followed by tag
 * characters would otherwise show as many different 👍. Built at run time: the `v` flag is newer
 * than our compile target, not than Node 20 or the browsers we support.
 */
const RGI_EMOJI = new RegExp('^\\p{RGI_Emoji}$', 'v');

/** The one spelling we store: a redundant U+FE0F dropped, a missing one added (❤ → ❤️, 1⃣ → 1️⃣). */
export function normalizeReactionEmoji(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > REACTION_LIMITS.emojiMaxLength) return null;
  const bare = value.replace(/\uFE0F/g, '');
  const [first = ''] = bare;
  const qualified = first + '\uFE0F' + bare.slice(first.length);
  return [value, bare, qualified].find((candidate) => RGI_EMOJI.test(candidate)) ?? null;
}

/** One emoji, already in its stored spelling (see `normalizeReactionEmoji`). */
export function isReactionEmoji(value: unknown): value is string {
  return typeof value === 'string' && normalizeReactionEmoji(value) === value;
}
