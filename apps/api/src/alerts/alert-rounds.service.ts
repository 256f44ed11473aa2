import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantDatabase } from '../database/tenant-database';
import { OutboxRepository } from '../outbox/outbox.repository';
import { alertDelivery, type RenotifyAlertJobData, renotifyAlertJob } from './alert-jobs';
import { AlertsRepository } from './alerts.repository';

export type RoundOutcome = { round: number; renotified: number } | 'skipped' | 'everyone answered';

/** The worker's side of alerts: a `renotify` job notifies again whoever has not answered. */
@Injectable()
export class AlertRoundsService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly alerts: AlertsRepository,
    private readonly outbox: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs round `round` once: the alert's round column moves from `round - 1` to `round` in the same
   * transaction that counts the notification and records the delivery, so a job that runs twice
   * (a retry, a stalled worker) finds the round done and skips. The next round is scheduled while
   * someone is left unanswered and the maximum is not reached.
   */
  renotify({ tenantId, alertId, round }: RenotifyAlertJobData): Promise<RoundOutcome> {
    return this.tenantDb.transaction(tenantId, async (tx) => {
      const alert = await this.alerts.advanceRound(tx, { tenantId, alertId, round });
      if (!alert) return 'skipped';
      const unanswered = await this.alerts.countRenotified(tx, tenantId, alertId);
      if (!unanswered.length) return 'everyone answered';
      const { renotifySeconds, maxRenotifications } = this.config.alerts;
      // Round 1 is the first notification: re-notifications are rounds 2 to 1 + max.
      const last = round >= 1 + maxRenotifications;
      await this.outbox.record(
        tx,
        alertDelivery(alert, unanswered, round),
        ...(last ? [] : [renotifyAlertJob(alert, round + 1, renotifySeconds)]),
      );
      return { round, renotified: unanswered.length };
    });
  }
}
