import type { OutboxEvents } from '../outbox/outbox-events';

/**
 * The jobs of the `notifications` and `emails` queues besides `deliver` (notification-delivery.ts)
 * and the events notifications subscribe to (outbox/outbox-events.ts). Every id is derived from its
 * cause, so a retried producer adds nothing twice.
 */

/**
 * Notify a conversation's members who are not connected, and the people its message mentions: the
 * job a `message.sent` event becomes (MessageSentService), under `messageJobSchedule`'s id. Its data
 * is the event of the message that added it (the window's first).
 */
export const MESSAGE_JOB = 'message';
export type MessageJobData = OutboxEvents['message.sent'];

/**
 * When a message's job runs, and under which id.
 * - A mention, or no delay: its own job (`message-<message id>`), at once.
 * - Otherwise one job per conversation per window of `delayMs` (`message-<conversation>-w<n>`),
 *   run one window after the window ends: every message waits at least the delay, and the job
 *   reads the conversation as it is then (unread counts, last message). A 5,000-member group with
 *   most members away at 2 messages a second made one job per message, each rewriting thousands of
 *   notifications; now one per window does, and BullMQ ignores the window's other adds.
 *   A send whose commit comes later than the job ran (a delay longer than a window) is notified
 *   with its conversation's next job.
 */
export function messageJobSchedule(
  message: { id: string; conversationId: string },
  mentions: boolean,
  delayMs: number,
  now = Date.now(),
): { jobId: string; runAt?: Date } {
  if (mentions || delayMs <= 0) return { jobId: `${MESSAGE_JOB}-${message.id}` };
  const window = Math.floor(now / delayMs);
  return {
    jobId: `${MESSAGE_JOB}-${message.conversationId}-w${window}`,
    runAt: new Date((window + 2) * delayMs),
  };
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

/**
 * After MENTION_EMAIL_DELAY: one email for the mentions of a member's unread streak in a
 * conversation (from `readSeq`), listing those still unread. Every mention of the streak adds the
 * same job id: thirty mentions in ten seconds are one email, not thirty.
 */
export const MENTION_EMAIL_JOB = 'mention-email';
export type MentionEmailJobData = MessageEmailJobData;
export const mentionEmailJobId = (d: Omit<MentionEmailJobData, 'tenantId'>) =>
  `mention-email-${d.userId}-${d.conversationId}-${d.readSeq}`;

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
