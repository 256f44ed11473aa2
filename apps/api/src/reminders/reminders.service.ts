import { ConversationsReader } from '../conversations/conversations.reader';
import { LIMITS, type Page, type ReminderView } from '@mindsp/contracts';
import { InjectQueue } from '@nestjs/bullmq';
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { WriteLimits } from '../auth/write-limits';
import { badField } from '../common/bad-request';
import { decodeCursor, encodeCursor } from '../common/pagination';
import { TenantDatabase } from '../database/tenant-database';
import { OutboxRepository } from '../outbox/outbox.repository';
import { assertActivePeople } from '../people/named-people';
import { UsersRepository } from '../users/users.repository';
import { QUEUES } from '../queues/queue-connection';
import type { CreateReminderDto, ReminderListQueryDto } from './dto/reminders.dto';
import { fireReminderJob, reminderJobId } from './reminder-jobs';
import type { Reminder } from './reminder.entity';
import { RemindersRepository } from './reminders.repository';

/** How far ahead a reminder may be set: a delayed job is not a calendar. */
const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;

export function reminderView(reminder: Reminder): ReminderView {
  return {
    id: reminder.id,
    remindAt: reminder.remindAt.toISOString(),
    title: reminder.title,
    body: reminder.body,
    type: reminder.type,
    userIds: reminder.userIds,
    conversationId: reminder.conversationId,
    createdBy: reminder.createdBy,
    status: reminder.status,
    createdAt: reminder.createdAt.toISOString(),
  };
}

/** Reminders as users set, list and cancel them; the worker fires them (ReminderFiringService). */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly reminders: RemindersRepository,
    private readonly users: UsersRepository,
    private readonly audience: ConversationsReader,
    private readonly outbox: OutboxRepository,
    private readonly limits: WriteLimits,
    @InjectQueue(QUEUES.reminders) private readonly queue: Queue,
  ) {}

  /**
   * Saves the reminder and, in the same transaction, its delayed `fire` job: both exist or
   * neither. Targets: `userIds`, else the conversation's members, else the caller. Within the
   * caller's and the tenant's reminder budget (a refused reminder creates nothing).
   */
  async create(caller: AuthenticatedUser, input: CreateReminderDto): Promise<ReminderView> {
    const remindAt = new Date(input.remindAt);
    const ahead = remindAt.getTime() - Date.now();
    if (ahead <= 0) throw badField('remindAt', 'remindAt must be in the future');
    if (ahead > MAX_AHEAD_MS) throw badField('remindAt', 'remindAt must be within a year');
    return this.limits.within('reminder', caller, () => this.save(caller, input, remindAt));
  }

  private save(
    caller: AuthenticatedUser,
    input: CreateReminderDto,
    remindAt: Date,
  ): Promise<ReminderView> {
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      let members: string[] | null = null;
      if (input.conversationId) {
        const conversation = await this.audience.forMember(tx, {
          tenantId: caller.tenantId,
          conversationId: input.conversationId,
          userId: caller.id,
        });
        if (!conversation) throw new NotFoundException('Conversation not found');
        // A deactivated member stays in the group, not in its reminders.
        members = await this.users.activeAmong(tx, caller.tenantId, conversation.memberIds);
      }
      if (input.userIds) {
        // Unknown ids and ids of another organisation: the same 404, as everywhere.
        await assertActivePeople(this.users, tx, {
          tenantId: caller.tenantId,
          ids: input.userIds,
          field: 'userIds',
        });
      }
      const reminder = await this.reminders.insert(tx, {
        tenantId: caller.tenantId,
        createdBy: caller.id,
        conversationId: input.conversationId ?? null,
        type: input.type,
        title: input.title,
        body: input.body,
        remindAt,
        userIds: input.userIds ?? members ?? [caller.id],
      });
      await this.outbox.record(tx, fireReminderJob(reminder));
      return reminderView(reminder);
    });
  }

  async list(caller: AuthenticatedUser, query: ReminderListQueryDto): Promise<Page<ReminderView>> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const after = decodeCursor<[string, string]>(query.cursor, ['timestamp', 'uuid']);
    const rows = await this.tenantDb.transaction(caller.tenantId, (tx) =>
      this.reminders.page(tx, {
        tenantId: caller.tenantId,
        userId: caller.id,
        status: query.status ?? 'scheduled',
        limit: limit + 1,
        after,
      }),
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(reminderView),
      nextCursor: rows.length > limit && last ? encodeCursor([last.remindKey, last.id]) : null,
    };
  }

  /**
   * Cancels a scheduled reminder (its creator, or an admin). The status is the guarantee: the job
   * finds it cancelled and skips it. Removing the delayed job from Redis is only tidying up.
   */
  async cancel(caller: AuthenticatedUser, id: string): Promise<void> {
    await this.tenantDb.transaction(caller.tenantId, async (tx) => {
      const reminder = await this.reminders.findVisible(tx, {
        tenantId: caller.tenantId,
        id,
        userId: caller.id,
        asAdmin: caller.role === 'admin',
      });
      if (!reminder) throw new NotFoundException('Reminder not found');
      if (reminder.createdBy !== caller.id && caller.role !== 'admin') {
        throw new ForbiddenException('Only who set the reminder, or an admin, can cancel it');
      }
      if (reminder.status === 'cancelled') return;
      if (reminder.status === 'sent' || !(await this.reminders.cancel(tx, caller.tenantId, id))) {
        throw new ConflictException('The reminder was already sent');
      }
    });
    // Not awaited: the answer does not wait on Redis. A job that is not there yet (still in the
    // outbox) or is running is left; it will find the reminder cancelled.
    this.queue.remove(reminderJobId(id)).catch((error: unknown) => {
      this.logger.warn(`reminder ${id}: delayed job not removed (${String(error)})`);
    });
  }
}
