import type { QueueName } from '@mindsp/contracts';
import { QUEUES } from '../queues/queue-connection';
import type { OutboxJob } from './outbox.repository';

/**
 * The domain events a change records in its outbox, and what each carries. A feature states what
 * happened in its own words; the features that react to it subscribe below, and never ask the
 * producer to know them (conversations know nothing of notifications).
 */
export interface OutboxEvents {
  /** A message was stored (a send, not a timeline note). */
  'message.sent': {
    tenantId: string;
    conversationId: string;
    messageId: string;
    senderId: string;
    seq: number;
    /** Whether the body holds a mention token (`<@id>` or `<@all>`): read from the body at send. */
    mentions: boolean;
  };
  /** A member's read watermark moved forward, to `seq`. */
  'conversation.read': {
    tenantId: string;
    conversationId: string;
    userId: string;
    seq: number;
  };
}
export type OutboxEventName = keyof OutboxEvents;

/**
 * Which queues hear each event: one job per queue, named after the event. A new reaction to an
 * event is a queue here and a case in that queue's processor.
 */
export const EVENT_SUBSCRIBERS: { readonly [E in OutboxEventName]: readonly QueueName[] } = {
  'message.sent': [QUEUES.notifications],
  'conversation.read': [QUEUES.notifications],
};

/**
 * The jobs of one event, one per subscribing queue. `causeId` names what happened (a message id):
 * the job id is derived from it, so a retried change relays one job.
 */
export function eventJobs<E extends OutboxEventName>(
  name: E,
  causeId: string,
  data: OutboxEvents[E],
): OutboxJob<OutboxEvents[E]>[] {
  return EVENT_SUBSCRIBERS[name].map((queue) => ({
    queue,
    name,
    jobId: `${name.replace(/\./g, '-')}-${causeId}`,
    data,
  }));
}
