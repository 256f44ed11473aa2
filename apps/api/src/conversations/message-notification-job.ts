import { mentionsIn } from '@mindsp/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import type Redis from 'ioredis';
import type { EntityManager } from 'typeorm';
import {
  MESSAGE_JOB,
  messageJobSchedule,
  type MessageJobData,
} from '../notifications/notification-jobs';
import { OutboxRepository } from '../outbox/outbox.repository';
import { PresenceService } from '../people/presence.service';
import { QUEUES } from '../queues/queue-connection';
import { REDIS } from '../redis/redis.module';
import type { Message } from './message.entity';

/**
 * Past this, presence is taken as unknown and the job is recorded (the worker checks again). Short:
 * the send holds a pooled connection and its conversation's row lock meanwhile, and a Redis that
 * stalls must not empty the pool (Redis answers in a few ms).
 */
const PRESENCE_TIMEOUT_MS = 50;

/**
 * Records a sent message's notification job in the send's transaction, unless it would do nothing:
 * every other member connected (they get `message:new` live, and the worker would find nobody to
 * notify) and nobody mentioned. That is the usual case in a busy conversation, and it spares each
 * message an outbox row, a relay, a queue job and the worker's transaction: in `pnpm bench` those
 * cost more than the send itself. When presence cannot be told (Redis away or slow, a conversation
 * too large to ask about), the job is recorded, as before: the worker decides at its turn. Without a
 * mention it waits MESSAGE_NOTIFY_DELAY, shared with the conversation's other messages of the
 * moment (messageJobSchedule).
 */
@Injectable()
export class MessageNotificationJob {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly presence: PresenceService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `others`: the conversation's members but the sender, or null when too many to ask about. */
  async record(
    tx: EntityManager,
    tenantId: string,
    message: Message,
    others: string[] | null,
  ): Promise<void> {
    const { userIds, everyone } = mentionsIn(message.body);
    const mentions = everyone || userIds.length > 0;
    if (!mentions && others && (await this.allConnected(others))) return;
    const data: MessageJobData = {
      tenantId,
      conversationId: message.conversationId,
      messageId: message.id,
      senderId: message.senderId,
      seq: message.seq,
      mentions,
    };
    // Being called by name is news at once; being away from the conversation can wait a little.
    const schedule = messageJobSchedule(
      message,
      mentions,
      this.config.messageNotifyDelaySeconds * 1000,
    );
    await this.outbox.record(tx, {
      queue: QUEUES.notifications,
      name: MESSAGE_JOB,
      data,
      ...schedule,
    });
  }

  private async allConnected(userIds: string[]): Promise<boolean> {
    if (!userIds.length) return true;
    // Not ready: commands would wait for a reconnection while the send holds its row lock.
    if (this.redis.status !== 'ready') return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), PRESENCE_TIMEOUT_MS);
    });
    try {
      const connected = await Promise.race([this.presence.connected(userIds), timeout]);
      return connected?.size === userIds.length;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
