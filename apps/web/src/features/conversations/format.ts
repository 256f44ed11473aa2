import type { ConversationView, MemberView } from '@mindsp/contracts';
import { localDay } from './dates';

/** In a direct conversation, the person I talk with. */
export function otherMember(conversation: ConversationView, myId: string): MemberView | undefined {
  return conversation.kind === 'direct'
    ? conversation.members.find((member) => member.id !== myId)
    : undefined;
}

/** A group's title; a direct conversation is named after the other person. */
export function conversationTitle(conversation: ConversationView, myId: string): string {
  if (conversation.title) return conversation.title;
  const others = conversation.members.filter((member) => member.id !== myId);
  return (others.length ? others : conversation.members)
    .map((member) => member.displayName)
    .join(', ');
}

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)!] : words;
  return letters.map((word) => [...word][0]?.toUpperCase() ?? '').join('') || '?';
}

/** The time beside a list entry: the hour today, "yesterday", else the date. */
export function listTime(iso: string, now: Date, locale: string, yesterday: string): string {
  const date = new Date(iso);
  const day = localDay(date);
  if (day === localDay(now))
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
  if (day === localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1)))
    return yesterday;
  const options: Intl.DateTimeFormatOptions =
    date.getFullYear() === now.getFullYear()
      ? { day: 'numeric', month: 'short' }
      : { day: '2-digit', month: '2-digit', year: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

export function messageTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}
