import {
  NOTIFICATION_TYPES,
  type ChannelPreference,
  type NotificationSettings,
  type NotificationType,
} from '@mindsp/contracts';

/** Every type in the app and by email; quiet hours off (22:00–07:00, Paris); no digest. */
export function defaultSettings(): NotificationSettings {
  return {
    types: Object.fromEntries(
      NOTIFICATION_TYPES.map((type) => [type, { inApp: true, email: true }]),
    ) as Record<NotificationType, ChannelPreference>,
    quietHours: { enabled: false, start: '22:00', end: '07:00', timeZone: 'Europe/Paris' },
    emailDigest: 'off',
  };
}

/**
 * An urgent alert reaches everyone by every channel: its switches are not the user's to turn off,
 * so they are stored and shown on whatever was sent.
 */
export function withAlertForced(settings: NotificationSettings): NotificationSettings {
  return { ...settings, types: { ...settings.types, alert: { inApp: true, email: true } } };
}

/** Whether `timeZone` is an IANA zone this runtime knows (what Intl accepts, it can compute). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The wall-clock time at `at` in `timeZone`, in milliseconds since local midnight. */
function localMsOfDay(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + at.getMilliseconds();
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * How long from `at` until the wall clock of `timeZone` next shows `hhmm` (0 < result <= 1 day).
 * Counted on the wall clock: across a DST change the result is off by that hour, which only moves
 * a held email or a daily digest by as much.
 */
export function msUntilLocalTime(at: Date, hhmm: string, timeZone: string): number {
  const wait = (minutesOf(hhmm) * 60_000 - localMsOfDay(at, timeZone) + DAY_MS) % DAY_MS;
  return wait === 0 ? DAY_MS : wait;
}

/**
 * When quiet hours hold an email sent at `at`: the time they end, or null when they do not cover
 * `at`. Start included, end excluded; a window may span midnight (22:00–07:00).
 */
export function quietHoursEnd(
  quietHours: NotificationSettings['quietHours'],
  at: Date,
): Date | null {
  if (!quietHours.enabled || quietHours.start === quietHours.end) return null;
  const now = localMsOfDay(at, quietHours.timeZone);
  const start = minutesOf(quietHours.start) * 60_000;
  const end = minutesOf(quietHours.end) * 60_000;
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  return new Date(at.getTime() + msUntilLocalTime(at, quietHours.end, quietHours.timeZone));
}
