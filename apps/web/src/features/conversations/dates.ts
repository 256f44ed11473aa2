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
