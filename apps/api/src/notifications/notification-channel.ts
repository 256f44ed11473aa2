import type { NotificationSettings, NotificationType } from '@mindsp/contracts';
import type { EntityManager } from 'typeorm';

/** The channels a notice can go through. Push is the next: a name here, a class, a line in the list. */
export type ChannelName = 'inApp' | 'email';

/** One notification for one person, as every feature's cause becomes it. */
export interface Notice {
  tenantId: string;
  userId: string;
  type: NotificationType;
  /** Unique per person and cause (`reminder:<id>`, `message:<conversation>:<readSeq>`): a retry adds nothing. */
  key: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  actionUrl: string | null;
  /** Urgent alerts: every channel, at once, whatever the person's preferences, quiet hours, digest. */
  urgent: boolean;
  /** Only these channels (a cause that uses the others on its own terms); all of them when absent. */
  channels?: readonly ChannelName[];
  /**
   * The in-app row of this key is rewritten while the count in `data` grows (an unread streak's
   * "3 nouveaux messages"), not left as it was.
   */
  coalesce?: boolean;
}

/** A notice with the preferences of its person, as a channel receives it. */
export interface Addressed {
  notice: Notice;
  settings: NotificationSettings;
}

/** What a channel did for a delivery, and what it has left to do once the delivery commits. */
export interface ChannelOutcome {
  /** The notices it delivered (or scheduled), by key and person. */
  delivered: { key: string; userId: string }[];
  afterCommit: () => Promise<void> | void;
}

/**
 * A way to reach a person. Each channel decides by the person's preferences (an urgent notice goes
 * through all), records what it owes in the delivery's transaction (so a retried delivery owes it
 * once), and acts once that commits (a socket push, a queued email).
 */
export interface NotificationChannel {
  readonly name: ChannelName;
  record(tx: EntityManager, notices: Addressed[]): Promise<ChannelOutcome>;
}

/** The channels every delivery goes through, in order (notifications-worker.module.ts lists them). */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
