import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Addressed, ChannelOutcome, NotificationChannel } from './notification-channel';
import { NotificationPushService } from './notification-push.service';
import {
  NotificationsRepository,
  toNotificationView,
  type NotificationRow,
} from './notifications.repository';

/** The bell: a notification row per person and key, pushed live to the person's sockets. */
@Injectable()
export class InAppChannel implements NotificationChannel {
  readonly name = 'inApp';

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly push: NotificationPushService,
  ) {}

  async record(tx: EntityManager, notices: Addressed[]): Promise<ChannelOutcome> {
    const wanted = notices
      .filter(({ notice, settings }) => notice.urgent || settings.types[notice.type].inApp)
      .map(({ notice }) => notice);
    const row = ({
      tenantId,
      userId,
      type,
      key,
      title,
      body,
      data,
      actionUrl,
    }: Addressed['notice']) => ({
      tenantId,
      userId,
      type,
      key,
      title,
      body,
      data,
      actionUrl,
    });
    // A key the person has is left alone (a retried cause), unless the notice coalesces.
    const rows: NotificationRow[] = await this.notifications.insertMany(
      tx,
      wanted.filter((notice) => !notice.coalesce).map(row),
    );
    for (const notice of wanted.filter((n) => n.coalesce)) {
      const rewritten = await this.notifications.upsertCoalesced(tx, row(notice));
      if (rewritten) rows.push(rewritten);
    }
    return {
      delivered: rows.map(({ key, userId }) => ({ key, userId })),
      afterCommit: () => {
        for (const created of rows) this.push.created(created.userId, toNotificationView(created));
      },
    };
  }
}
