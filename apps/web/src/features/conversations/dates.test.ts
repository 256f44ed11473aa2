import { describe, expect, it } from 'vitest';
import { dayLabel, listTime, localDay, messageTime, withDaySeparators } from './dates';

// Local times: separators follow the user's own days, whatever the time zone the tests run in.
const at = (year: number, month: number, day: number, hour = 12) =>
  new Date(year, month - 1, day, hour);
const message = (date: Date) => ({ createdAt: date.toISOString() });

describe('withDaySeparators', () => {
  it('puts a day marker before the first message of each day', () => {
    const messages = [
      message(at(2025, 3, 9, 23)),
      message(at(2025, 3, 10, 0)),
      message(at(2025, 3, 10, 8)),
      message(at(2025, 3, 12)),
    ];
    expect(
      withDaySeparators(messages).map((item) => (item.kind === 'day' ? item.day : 'msg')),
    ).toEqual(['2025-03-09', 'msg', '2025-03-10', 'msg', 'msg', '2025-03-12', 'msg']);
  });

  it('has nothing for no messages', () => {
    expect(withDaySeparators([])).toEqual([]);
  });
});

describe('dayLabel', () => {
  const now = at(2025, 3, 1, 9);

  it('says today and yesterday, across a month boundary', () => {
    expect(dayLabel(localDay(at(2025, 3, 1, 0)), now)).toEqual({ kind: 'today' });
    expect(dayLabel(localDay(at(2025, 2, 28, 23)), now)).toEqual({ kind: 'yesterday' });
  });

  it('gives the date otherwise, saying whether it is this year', () => {
    expect(dayLabel('2025-02-27', now)).toEqual({
      kind: 'date',
      date: at(2025, 2, 27, 0),
      sameYear: true,
    });
    expect(dayLabel('2024-12-31', now)).toMatchObject({ kind: 'date', sameYear: false });
  });
});

describe('listTime', () => {
  const now = new Date(2025, 2, 10, 15, 0);
  it('gives the hour today, "yesterday", then the date', () => {
    expect(listTime(new Date(2025, 2, 10, 8, 5).toISOString(), now, 'fr', 'Hier')).toBe('08:05');
    expect(listTime(new Date(2025, 2, 9, 23, 59).toISOString(), now, 'fr', 'Hier')).toBe('Hier');
    expect(listTime(new Date(2025, 1, 3, 12).toISOString(), now, 'fr', 'Hier')).toBe('3 févr.');
    expect(listTime(new Date(2024, 11, 24, 12).toISOString(), now, 'fr', 'Hier')).toBe(
      '24/12/2024',
    );
  });
});

describe('messageTime', () => {
  it('reads on the 24-hour clock in French and English', () => {
    const afternoon = new Date(2025, 2, 10, 14, 5).toISOString();
    const midnight = new Date(2025, 2, 10, 0, 7).toISOString();
    for (const locale of ['fr', 'en']) {
      expect({ locale, time: messageTime(afternoon, locale) }).toEqual({ locale, time: '14:05' });
      expect({ locale, time: messageTime(midnight, locale) }).toEqual({ locale, time: '00:07' });
    }
  });
});
