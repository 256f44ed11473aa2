import type { Page } from './users';

/**
 * `fmpa`: a training-session reminder (Formation de Maintien et de Perfectionnement des Acquis);
 * `alert`: an urgent alert, which bypasses quiet hours and preferences; `system`: an admin's
 * announcement.
 */
export const NOTIFICATION_TYPES = [
  'message',
  'mention',
  'reminder',
  'fmpa',
  'alert',
  'system',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** How the SPA groups them, as the seed does. */
export const NOTIFICATION_GROUPS = {
  fmpa: ['fmpa', 'reminder'],
  messages: ['message', 'mention'],
  system: ['system', 'alert'],
} as const satisfies Record<string, readonly NotificationType[]>;

export interface NotificationView {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  /** Type-specific: e.g. `{ conversationId, count, senderIds }` for `message`, `{ alertId }` for `alert`. */
  data: Record<string, unknown>;
  /** Where the SPA goes when the notification is opened, e.g. `/messages/<id>`. */
  actionUrl: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationListQuery {
  unread?: boolean;
  limit?: number;
  cursor?: string;
}

export interface NotificationPage extends Page<NotificationView> {
  unreadCount: number;
}

export const EMAIL_DIGESTS = ['off', 'hourly', 'daily'] as const;
export type EmailDigest = (typeof EMAIL_DIGESTS)[number];

export interface ChannelPreference {
  inApp: boolean;
  email: boolean;
}

export interface QuietHours {
  enabled: boolean;
  /** "HH:MM", 24-hour, in `timeZone`. */
  start: string;
  end: string;
  /** An IANA time zone, e.g. "Europe/Paris". */
  timeZone: string;
}

export interface NotificationSettings {
  types: Record<NotificationType, ChannelPreference>;
  quietHours: QuietHours;
  emailDigest: EmailDigest;
}

export const REMINDER_TYPES = ['reminder', 'fmpa'] as const;
export type ReminderType = (typeof REMINDER_TYPES)[number];

export interface CreateReminderRequest {
  /** ISO 8601 date-time, in the future. */
  remindAt: string;
  title: string;
  body: string;
  type: ReminderType;
  /** Who is reminded: these people, or the members of a conversation; the caller when neither. */
  userIds?: string[];
  conversationId?: string;
}

export interface ReminderView {
  id: string;
  remindAt: string;
  title: string;
  body: string;
  type: ReminderType;
  userIds: string[];
  conversationId: string | null;
  createdBy: string;
  status: 'scheduled' | 'sent' | 'cancelled';
  createdAt: string;
}

export const REMINDER_STATUSES = ['scheduled', 'sent', 'cancelled'] as const;

/** `GET /api/reminders`: the caller's (set by them or for them), `scheduled` soonest first by default. */
export interface ReminderListQuery {
  /** `sent` and `cancelled` come most recent first. */
  status?: (typeof REMINDER_STATUSES)[number];
  limit?: number;
  cursor?: string;
}

export interface AnnouncementRequest {
  title: string;
  body: string;
  /** Only the members of these groups; everyone in the tenant when absent. */
  conversationIds?: string[];
}

export const ALERT_RESPONSES = ['received', 'available', 'unavailable'] as const;
export type AlertResponse = (typeof ALERT_RESPONSES)[number];

export interface CreateAlertRequest {
  title: string;
  body: string;
  /** The members of a conversation, or these people. */
  conversationId?: string;
  userIds?: string[];
}

export interface AlertRecipientView {
  userId: string;
  displayName: string;
  response: AlertResponse | null;
  respondedAt: string | null;
  /** How many times they were notified (the first time included). */
  notifiedCount: number;
}

export interface AlertView {
  id: string;
  title: string;
  body: string;
  senderId: string;
  conversationId: string | null;
  createdAt: string;
  recipients: AlertRecipientView[];
}

export interface AlertAckRequest {
  response: AlertResponse;
}

/** Pushed to the alert's sender (and the recipient's other tabs) when someone answers. */
export interface AlertAckUpdate {
  alertId: string;
  userId: string;
  response: AlertResponse;
  respondedAt: string;
}
