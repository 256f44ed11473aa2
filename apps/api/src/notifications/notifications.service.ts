import { randomUUID } from 'node:crypto';
import {
  LIMITS,
  type NotificationPage,
  type NotificationSettings,
  type NotificationView,
} from '@mindsp/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { WriteLimits } from '../auth/write-limits';
import { decodeCursor, encodeCursor } from '../common/pagination';
import { TenantDatabase } from '../database/tenant-database';
import { OutboxRepository } from '../outbox/outbox.repository';
import { QUEUES } from '../queues/queue-connection';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import type { AnnouncementDto, NotificationListQueryDto } from './dto/notifications.dto';
import { DELIVER_JOB, deliveryJobId, type DeliveryJobData } from './notification-delivery';
import { RELEASE_HELD_JOB, releaseHeldJobId, type ReleaseHeldJobData } from './notification-jobs';
import { ConversationsReader } from '../conversations/conversations.reader';
import { NotificationRecipientsRepository } from './notification-recipients.repository';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationsRepository, toNotificationView } from './notifications.repository';

/** Recipients per `deliver` job: a whole tenant is announced to in several bounded jobs. */
const ANNOUNCEMENT_CHUNK = 500;

/** A user's notifications, their settings, and admins' announcements. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly notifications: NotificationsRepository,
    private readonly settings: NotificationSettingsRepository,
    private readonly recipients: NotificationRecipientsRepository,
    private readonly conversations: ConversationsReader,
    private readonly outbox: OutboxRepository,
    private readonly realtime: RealtimeService,
    private readonly limits: WriteLimits,
  ) {}

  async list(
    caller: AuthenticatedUser,
    query: NotificationListQueryDto,
  ): Promise<NotificationPage> {
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const after = decodeCursor<[string, string]>(query.cursor, ['timestamp', 'uuid']);
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      const rows = (await this.notifications.page(tx, caller.id, {
        limit: limit + 1,
        unread: query.unread ?? false,
        after,
      })) as (Awaited<ReturnType<NotificationsRepository['page']>>[number] & {
        cursorAt: string;
      })[];
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return {
        items: items.map(({ cursorAt: _, ...row }) => toNotificationView(row)),
        nextCursor: rows.length > limit && last ? encodeCursor([last.cursorAt, last.id]) : null,
        unreadCount: await this.notifications.unreadCount(tx, caller.id),
      };
    });
  }

  /** Another user's (or tenant's) notification is a 404, exactly as one that does not exist. */
  async read(caller: AuthenticatedUser, id: string): Promise<NotificationView> {
    const result = await this.tenantDb.transaction(caller.tenantId, (tx) =>
      this.notifications.markRead(tx, caller.id, id),
    );
    if (!result) throw new NotFoundException('Notification not found');
    // The user's other tabs drop it from their unread count.
    if (result.changed)
      this.realtime.send(rooms.user(caller.id), 'notification:read', { ids: [id] });
    return toNotificationView(result.row);
  }

  async readAll(caller: AuthenticatedUser): Promise<{ ids: string[] }> {
    const ids = await this.tenantDb.transaction(caller.tenantId, (tx) =>
      this.notifications.markAllRead(tx, caller.id),
    );
    if (ids.length) this.realtime.send(rooms.user(caller.id), 'notification:read', { all: true });
    return { ids };
  }

  getSettings(caller: AuthenticatedUser): Promise<NotificationSettings> {
    return this.tenantDb.transaction(caller.tenantId, (tx) => this.settings.find(tx, caller.id));
  }

  /** Saves them; emails held by the former quiet hours look at the new ones at once. */
  saveSettings(
    caller: AuthenticatedUser,
    input: NotificationSettings,
  ): Promise<NotificationSettings> {
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      const { settings, updatedAt } = await this.settings.save(
        tx,
        caller.tenantId,
        caller.id,
        input,
      );
      const data: ReleaseHeldJobData = { tenantId: caller.tenantId, userId: caller.id };
      await this.outbox.record(tx, {
        queue: QUEUES.emails,
        name: RELEASE_HELD_JOB,
        jobId: releaseHeldJobId(caller.id, updatedAt),
        data,
      });
      return settings;
    });
  }

  /**
   * Notifies everyone in the tenant (or the members of these groups) but the sender, through
   * `deliver` jobs recorded with the announcement: none is lost if Redis is away. Within the
   * admin's and the tenant's announcement budget (a refused announcement creates nothing).
   */
  async announce(
    caller: AuthenticatedUser,
    input: AnnouncementDto,
  ): Promise<{ announcementId: string; recipients: number }> {
    return this.limits.within('announcement', caller, () => this.record(caller, input));
  }

  private record(
    caller: AuthenticatedUser,
    input: AnnouncementDto,
  ): Promise<{ announcementId: string; recipients: number }> {
    const announcementId = randomUUID();
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      let userIds: string[];
      if (input.conversationIds?.length) {
        const wanted = [...new Set(input.conversationIds)];
        const found = await this.conversations.groupMembers(tx, caller.tenantId, wanted, caller.id);
        // Another tenant's group, a direct conversation or none at all: the same 404.
        if (found.groupIds.length !== wanted.length) throw new NotFoundException('Group not found');
        userIds = found.userIds;
      } else {
        userIds = await this.recipients.everyoneBut(tx, caller.tenantId, caller.id);
      }
      for (let start = 0; start < userIds.length; start += ANNOUNCEMENT_CHUNK) {
        const key = `announcement:${announcementId}:${start / ANNOUNCEMENT_CHUNK}`;
        const data: DeliveryJobData = {
          tenantId: caller.tenantId,
          key,
          userIds: userIds.slice(start, start + ANNOUNCEMENT_CHUNK),
          type: 'system',
          title: input.title,
          body: input.body,
          data: { announcementId, senderId: caller.id },
          actionUrl: null,
        };
        await this.outbox.record(tx, {
          queue: QUEUES.notifications,
          name: DELIVER_JOB,
          jobId: deliveryJobId(key),
          data,
        });
      }
      return { announcementId, recipients: userIds.length };
    });
  }
}
