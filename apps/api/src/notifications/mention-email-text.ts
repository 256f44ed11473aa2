import type { Locale } from '@mindsp/contracts';
import type { UnreadMention } from '../conversations/conversations.reader';
import { mentionsAsText, sendersPhrase, textsFor } from './notification-texts';

/** How much of a message a mention notification (and each line of its email) shows. */
const PREVIEW_LENGTH = 200;

export function preview(text: string): string {
  const chars = [...text];
  return chars.length > PREVIEW_LENGTH ? `${chars.slice(0, PREVIEW_LENGTH).join('')}…` : text;
}

/**
 * The email of a streak's mentions: "Alice Martin : 3 mentions de vous", then one line per mention
 * listed ("Alice Martin — @Bob Durand tu prends le VSAV ?"), and how many more there are.
 */
export function mentionEmailText(
  locale: Locale,
  { mentions, total }: { mentions: UnreadMention[]; total: number },
  names: ReadonlyMap<string, string>,
): { title: string; body: string } {
  const t = textsFor(locale);
  const from = sendersPhrase(locale, [...new Set(mentions.map((mention) => mention.senderName))]);
  const lines = mentions.map(
    (mention) => `${mention.senderName} — ${preview(mentionsAsText(locale, mention.body, names))}`,
  );
  if (total > mentions.length) lines.push(t.moreMentions(total - mentions.length));
  return { title: t.mentionedTimes(from, total), body: lines.join('\n') };
}
