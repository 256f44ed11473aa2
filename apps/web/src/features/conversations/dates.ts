/** A day in the user's time zone, as YYYY-MM-DD: what separates one day's messages from the next. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export type TimelineItem<M> = { kind: 'day'; day: string } | { kind: 'message'; message: M };

/** Messages (ascending) with a day marker before the first message of each day. */
export function withDaySeparators<M extends { createdAt: string }>(
  messages: readonly M[],
): TimelineItem<M>[] {
  const items: TimelineItem<M>[] = [];
  let previous: string | undefined;
  for (const message of messages) {
    const day = localDay(new Date(message.createdAt));
    if (day !== previous) items.push({ kind: 'day', day });
    items.push({ kind: 'message', message });
    previous = day;
  }
  return items;
}

export type DayLabel =
  { kind: 'today' } | { kind: 'yesterday' } | { kind: 'date'; date: Date; sameYear: boolean };

/** How a day separator reads, relative to `now`: Today, Yesterday, or the date. */
export function dayLabel(day: string, now: Date): DayLabel {
  const [year, month, date] = day.split('-').map(Number);
  const then = new Date(year, month - 1, date);
  if (day === localDay(now)) return { kind: 'today' };
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (day === localDay(yesterday)) return { kind: 'yesterday' };
  return { kind: 'date', date: then, sameYear: year === now.getFullYear() };
}

/**
 * The time beside a list entry: the hour today, "yesterday" (by the same rule as the day
 * separators), else the date.
 */
export function listTime(iso: string, now: Date, locale: string, yesterday: string): string {
  const date = new Date(iso);
  const label = dayLabel(localDay(date), now);
  if (label.kind === 'today') return messageTime(iso, locale);
  if (label.kind === 'yesterday') return yesterday;
  const options: Intl.DateTimeFormatOptions = label.sameYear
    ? { day: 'numeric', month: 'short' }
    : { day: '2-digit', month: '2-digit', year: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/**
 * The hour of a message, on the 24-hour clock in every language: English would otherwise read
 * "02:30 PM" (duty rosters and the services' own logs are kept in 24-hour time).
 */
export function messageTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
