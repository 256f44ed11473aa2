/**
 * Replies, mentions, and each member's own state of a conversation (muted, archived).
 *
 * Mentions live in the message body as tokens: `<@user-id>` for one person, `<@all>` for every
 * member of a group. A body stores who was meant, never a name, so a rename shows at once: the
 * SPA renders each token with the person's current display name.
 */

/** The original a reply quotes, as it is now (edited, or deleted since). */
export interface ReplyQuote {
  id: string;
  seq: number;
  senderId: string;
  /** The start of the original's body (mention tokens kept whole); empty once deleted. */
  excerpt: string;
  deleted: boolean;
}

export const REPLY_LIMITS = {
  /** How much of the original a quote carries, in characters (code points). */
  excerptLength: 140,
} as const;

/** `<@all>`: every member of a group (its creator and admins only). */
export const MENTION_EVERYONE = 'all';

/** A mention token: `<@` a canonical (lower-case) UUID or `all`, then `>`. */
export const MENTION_TOKEN =
  /<@([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|all)>/g;

export function mentionToken(userId: string): string {
  return `<@${userId}>`;
}

/** Who a body mentions: distinct user ids, and whether it mentions everyone. */
export function mentionsIn(body: string): { userIds: string[]; everyone: boolean } {
  const userIds = new Set<string>();
  let everyone = false;
  for (const [, id] of body.matchAll(MENTION_TOKEN)) {
    if (id === MENTION_EVERYONE) everyone = true;
    else userIds.add(id!);
  }
  return { userIds: [...userIds], everyone };
}

/**
 * The quote's excerpt of a body: its first characters on one line, never ending in a cut
 * mention token (which would show as raw text).
 */
export function quoteExcerpt(body: string): string {
  const chars = [...body.replace(/\s+/g, ' ').trim()];
  if (chars.length <= REPLY_LIMITS.excerptLength) return chars.join('');
  const cut = chars.slice(0, REPLY_LIMITS.excerptLength).join('');
  const open = cut.lastIndexOf('<@');
  const whole = open !== -1 && cut.indexOf('>', open) === -1 ? cut.slice(0, open) : cut;
  return `${whole.trimEnd()}…`;
}

/** `PUT /api/conversations/:id/membership`: the caller's own state; absent fields stay as they are. */
export interface MembershipUpdateRequest {
  /** No notifications for its messages, except mentions and alerts; its badge greyed. */
  muted?: boolean;
  /** Hidden from the list (shown under "Archived") until a new message arrives. */
  archived?: boolean;
}
