import type { NotificationSettings } from '@mindsp/contracts';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { defaultSettings, withAlertForced } from './notification-settings';
import { NotificationSettingsRow } from './notification-settings.entity';

function toSettings(row: NotificationSettingsRow | undefined): NotificationSettings {
  const defaults = defaultSettings();
  if (!row) return defaults;
  return withAlertForced({
    // A type added after the row was saved takes its default.
    types: { ...defaults.types, ...row.types },
    quietHours: {
      enabled: row.quietEnabled,
      start: row.quietStart,
      end: row.quietEnd,
      timeZone: row.timeZone,
    },
    emailDigest: row.emailDigest,
  });
}

/** Users' notification settings, in their tenant's transaction. No row: the defaults. */
@Injectable()
export class NotificationSettingsRepository {
  async find(tx: EntityManager, userId: string): Promise<NotificationSettings> {
    return (await this.findMany(tx, [userId])).get(userId)!;
  }

  async findMany(tx: EntityManager, userIds: string[]): Promise<Map<string, NotificationSettings>> {
    const rows = userIds.length
      ? await tx.getRepository(NotificationSettingsRow).findBy({ userId: In(userIds) })
      : [];
    const byUser = new Map(rows.map((row) => [row.userId, row]));
    return new Map(userIds.map((id) => [id, toSettings(byUser.get(id))]));
  }

  /** Saves them whole; returns them as stored, with the time of this change. */
  async save(
    tx: EntityManager,
    tenantId: string,
    userId: string,
    settings: NotificationSettings,
  ): Promise<{ settings: NotificationSettings; updatedAt: Date }> {
    const row: Omit<NotificationSettingsRow, 'updatedAt'> = {
      userId,
      tenantId,
      types: withAlertForced(settings).types,
      quietEnabled: settings.quietHours.enabled,
      quietStart: settings.quietHours.start,
      quietEnd: settings.quietHours.end,
      timeZone: settings.quietHours.timeZone,
      emailDigest: settings.emailDigest,
    };
    const [saved]: NotificationSettingsRow[] = await tx.query(
      `INSERT INTO notification_settings
         (user_id, tenant_id, types, quiet_enabled, quiet_start, quiet_end, time_zone, email_digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (user_id) DO UPDATE SET types = EXCLUDED.types,
         quiet_enabled = EXCLUDED.quiet_enabled, quiet_start = EXCLUDED.quiet_start,
         quiet_end = EXCLUDED.quiet_end, time_zone = EXCLUDED.time_zone,
         email_digest = EXCLUDED.email_digest, updated_at = clock_timestamp()
       RETURNING user_id AS "userId", tenant_id AS "tenantId", types,
         quiet_enabled AS "quietEnabled", quiet_start AS "quietStart", quiet_end AS "quietEnd",
         time_zone AS "timeZone", email_digest AS "emailDigest", updated_at AS "updatedAt"`,
      [
        row.userId,
        row.tenantId,
        row.types,
        row.quietEnabled,
        row.quietStart,
        row.quietEnd,
        row.timeZone,
        row.emailDigest,
      ],
    );
    return { settings: toSettings(saved), updatedAt: saved!.updatedAt };
  }
}
