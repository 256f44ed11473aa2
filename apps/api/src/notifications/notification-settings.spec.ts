import { isTimeZone, msUntilLocalTime, quietHoursEnd } from './notification-settings';

const quiet = (start: string, end: string, timeZone = 'Europe/Paris') => ({
  enabled: true,
  start,
  end,
  timeZone,
});

describe('quiet hours', () => {
  // 2026-01-15 22:30 in Paris (UTC+1).
  const lateEvening = new Date('2026-01-15T21:30:00Z');

  it('hold an email inside a window that spans midnight, until it ends', () => {
    expect(quietHoursEnd(quiet('22:00', '07:00'), lateEvening)).toEqual(
      new Date('2026-01-16T06:00:00Z'),
    );
    // 03:00 in Paris, the same night.
    expect(quietHoursEnd(quiet('22:00', '07:00'), new Date('2026-01-16T02:00:00Z'))).toEqual(
      new Date('2026-01-16T06:00:00Z'),
    );
  });

  it('let an email through outside the window, at its end, and when disabled', () => {
    expect(quietHoursEnd(quiet('23:00', '07:00'), lateEvening)).toBeNull();
    expect(quietHoursEnd(quiet('22:00', '22:30'), lateEvening)).toBeNull();
    expect(quietHoursEnd({ ...quiet('22:00', '07:00'), enabled: false }, lateEvening)).toBeNull();
  });

  it('read the clock of the user’s time zone', () => {
    // 22:30 in Paris is 16:30 in Toronto: outside 22:00–07:00 there.
    expect(quietHoursEnd(quiet('22:00', '07:00', 'America/Toronto'), lateEvening)).toBeNull();
    expect(quietHoursEnd(quiet('16:00', '17:00', 'America/Toronto'), lateEvening)).toEqual(
      new Date('2026-01-15T22:00:00Z'),
    );
  });

  it('count the wait until a local time, never zero', () => {
    expect(msUntilLocalTime(lateEvening, '23:00', 'Europe/Paris')).toBe(30 * 60_000);
    expect(msUntilLocalTime(lateEvening, '22:30', 'Europe/Paris')).toBe(24 * 3600_000);
  });

  it('know IANA time zones and refuse others', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
