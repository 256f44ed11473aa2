import { MENTION_EVERYONE, MENTION_TOKEN, type Locale } from '@mindsp/contracts';

/** The words the worker writes, in the recipient's language. */
const TEXTS = {
  fr: {
    newMessages: (count: number, from: string) =>
      count === 1 ? `Nouveau message de ${from}` : `${count} nouveaux messages de ${from}`,
    and: (a: string, b: string) => `${a} et ${b}`,
    andOthers: (a: string, others: number) => `${a} et ${others} autres`,
    someone: 'quelqu’un',
    open: 'Ouvrir dans MindSP',
    digestSubject: (count: number) => `MindSP : ${count} notifications`,
    digestIntro: (count: number) => `Voici vos ${count} dernières notifications.`,
    why: 'Vous recevez cet e-mail selon vos préférences de notification.',
    manage: 'Gérer mes préférences',
    urgent: 'ALERTE URGENTE',
    mentioned: (from: string) => `${from} vous a mentionné`,
    mentionedTimes: (from: string, count: number) =>
      count === 1 ? `${from} vous a mentionné` : `${from} : ${count} mentions de vous`,
    moreMentions: (count: number) => `… et ${count} autres`,
    everyone: 'tous',
  },
  en: {
    newMessages: (count: number, from: string) =>
      count === 1 ? `New message from ${from}` : `${count} new messages from ${from}`,
    and: (a: string, b: string) => `${a} and ${b}`,
    andOthers: (a: string, others: number) => `${a} and ${others} others`,
    someone: 'someone',
    open: 'Open in MindSP',
    digestSubject: (count: number) => `MindSP: ${count} notifications`,
    digestIntro: (count: number) => `Here are your ${count} latest notifications.`,
    why: 'You receive this email because of your notification preferences.',
    manage: 'Manage my preferences',
    urgent: 'URGENT ALERT',
    mentioned: (from: string) => `${from} mentioned you`,
    mentionedTimes: (from: string, count: number) =>
      count === 1 ? `${from} mentioned you` : `${from}: ${count} mentions of you`,
    moreMentions: (count: number) => `… and ${count} more`,
    everyone: 'all',
  },
} satisfies Record<Locale, unknown>;

export function textsFor(locale: Locale | string) {
  return TEXTS[locale === 'en' ? 'en' : 'fr'];
}

/** "Alice Martin", "Alice Martin et Bob Durand", "Alice Martin et 2 autres". */
export function sendersPhrase(locale: Locale, senders: string[]): string {
  const t = textsFor(locale);
  const [first = t.someone, second] = senders;
  if (senders.length > 2) return t.andOthers(first, senders.length - 1);
  return second ? t.and(first, second) : first;
}

/** "3 nouveaux messages de Alice Martin", "… de Alice Martin et Bob Durand", "… et 2 autres". */
export function newMessagesTitle(locale: Locale, count: number, senders: string[]): string {
  return textsFor(locale).newMessages(count, sendersPhrase(locale, senders));
}

/** A body's mention tokens as `@Name` (`@tous`), for the text of a notification or an email. */
export function mentionsAsText(
  locale: Locale,
  body: string,
  names: ReadonlyMap<string, string>,
): string {
  const t = textsFor(locale);
  return body.replace(MENTION_TOKEN, (_, id: string) =>
    id === MENTION_EVERYONE ? `@${t.everyone}` : `@${names.get(id) ?? t.someone}`,
  );
}
