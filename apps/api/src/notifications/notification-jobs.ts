/**
 * The jobs of the `notifications` and `emails` queues besides `deliver` (notification-delivery.ts).
 * Every id is derived from its cause, so a retried producer adds nothing twice.
 */

/**
 * A message was sent: notify its members who are not connected, and the people it mentions. Recorded
 * in the outbox in the send's transaction (MessageNotificationJob), with the id
 * `message-<message id>` and this data, unless every other member was connected and nobody is
 * mentioned.
 */
export const MESSAGE_JOB = 'message';
export interface MessageJobData {
  tenantId: string;
  conversationId: string;
  messageId: string;
  senderId: string;
  seq: number;
  /** Whether the body holds a mention token; absent (read as true) in jobs of older versions. */
  mentions?: boolean;
}

/** After MESSAGE_EMAIL_DELAY: still unread since `readSeq`? Then one email. */
export const MESSAGE_EMAIL_JOB = 'message-email';
export interface MessageEmailJobData {
  tenantId: string;
  userId: string;
  conversationId: string;
  readSeq: number;
}
export const messageEmailJobId = (d: Omit<MessageEmailJobData, 'tenantId'>) =>
  `message-email-${d.userId}-${d.conversationId}-${d.readSeq}`;

/** `emails`: send the email of one cause (a row of notification_emails). */
export const SEND_EMAIL_JOB = 'send';
export interface SendEmailJobData {
  tenantId: string;
  userId: string;
  key: string;
  urgent: boolean;
}
export const sendEmailJobId = (userId: string, key: string) =>
  `email-${userId}-${key.replace(/:/g, '-')}`;

/** `emails`: one summary of what waited for the user's digest. */
export const DIGEST_JOB = 'digest';
export interface DigestJobData {
  tenantId: string;
  userId: string;
}
/** Named after the oldest email it summarises. */
export const digestJobId = (firstEmailId: string) => `digest-${firstEmailId}`;

/** `emails`: the user changed their quiet hours: held emails look at them again now. */
export const RELEASE_HELD_JOB = 'release-held';
export interface ReleaseHeldJobData {
  tenantId: string;
  userId: string;
}
export const releaseHeldJobId = (userId: string, changedAt: Date) =>
  `release-held-${userId}-${changedAt.getTime()}`;

/** Emails retry for longer than other jobs: an SMTP server can be away for a while (~4 min). */
export const EMAIL_JOB_OPTIONS = {
  attempts: 9,
  backoff: { type: 'exponential', delay: 1000 },
} as const;
