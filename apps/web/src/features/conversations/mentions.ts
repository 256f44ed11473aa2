import { MENTION_EVERYONE, MENTION_TOKEN, mentionToken, mentionsIn } from '@mindsp/contracts';

/**
 * Mentions in the composer. The user sees `@Name` in the text; the body sent carries `<@id>`
 * (see libs/contracts/src/replies.ts), so a later rename shows everywhere.
 */

/** Someone picked in the autocomplete (or everyone), and the text that stands for them. */
export interface PickedMention {
  /** A user id, or MENTION_EVERYONE. */
  id: string;
  /** What the composer shows after the `@`: a display name, or the word for everyone. */
  label: string;
}

/**
 * The `@word` being typed at the caret: where its `@` is and what follows it. The `@` starts the
 * text or follows a space (an email address is not a mention); the word may hold spaces
 * (first and last names), up to 40 characters, not a new line.
 */
export function mentionQueryAt(
  text: string,
  caret: number,
): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1) return null;
  if (at > 0 && !/\s/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@<>]/.test(query)) return null;
  return { start: at, query };
}

/** The text with the typed `@query` replaced by the picked label, and where the caret goes. */
export function insertMention(
  text: string,
  { start, query }: { start: number; query: string },
  label: string,
): { text: string; caret: number } {
  const inserted = `@${label} `;
  const after = text.slice(start + 1 + query.length).replace(/^ /, '');
  return { text: text.slice(0, start) + inserted + after, caret: start + inserted.length };
}

/**
 * The body to send: each `@label` of a picked mention still in the text becomes its token.
 * Longer labels first, so "@Marie Dupont" is not taken for "@Marie". Text typed by hand that only
 * looks like a mention stays text.
 */
export function encodeMentions(text: string, picked: PickedMention[]): string {
  const byLength = [...new Map(picked.map((p) => [p.label, p])).values()].sort(
    (a, b) => b.label.length - a.label.length,
  );
  if (!byLength.length) return text;
  const escape = (label: string) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^|\\s)@(${byLength.map((p) => escape(p.label)).join('|')})`, 'g');
  return text.replace(pattern, (_, space: string, label: string) => {
    const mention = byLength.find((p) => p.label === label)!;
    return space + mentionToken(mention.id);
  });
}

/** Splits a body into text and mentions, for display. */
export type BodyPart = { kind: 'text'; text: string } | { kind: 'mention'; id: string };

export function splitMentions(text: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION_TOKEN)) {
    if (match.index > last) parts.push({ kind: 'text', text: text.slice(last, match.index) });
    parts.push({ kind: 'mention', id: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** A body as one line of plain text, each mention as `@` and its label (list previews, quotes). */
export function mentionsAsText(text: string, labelOf: (id: string) => string): string {
  return splitMentions(text)
    .map((part) => (part.kind === 'text' ? part.text : `@${labelOf(part.id)}`))
    .join('');
}

export const isEveryone = (id: string) => id === MENTION_EVERYONE;

/**
 * A stored body as the user edits it: mentions as `@Name`, and the picks that turn them back
 * into tokens when saved (a name the user changes becomes plain text).
 */
export function editableMentions(
  body: string,
  labelOf: (id: string) => string,
): { text: string; picked: PickedMention[] } {
  const { userIds, everyone } = mentionsIn(body);
  const ids = everyone ? [...userIds, MENTION_EVERYONE] : userIds;
  return {
    text: mentionsAsText(body, labelOf),
    picked: ids.map((id) => ({ id, label: labelOf(id) })),
  };
}
