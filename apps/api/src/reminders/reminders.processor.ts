import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { AlertRounds } from '../alerts/alert-rounds';
import { RENOTIFY_ALERT_JOB, type RenotifyAlertJobData } from '../alerts/alert-jobs';
import { isUUID } from 'class-validator';
import { QUEUES } from '../queues/queue-connection';
import { FIRE_REMINDER_JOB, type FireReminderJobData } from './reminder-jobs';
import { ReminderFiring } from './reminder-firing';

/**
 * One worker for the `reminders` queue: everything due at a time. Reminders' `fire` and alerts'
 * `renotify` jobs are told apart by name.
 */
@Processor(QUEUES.reminders)
export class RemindersProcessor extends WorkerHost {
  constructor(
    private readonly reminders: ReminderFiring,
    private readonly alerts: AlertRounds,
  ) {
    super();
  }

  process(job: Job): Promise<unknown> {
    const data = job.data as Partial<FireReminderJobData & RenotifyAlertJobData>;
    if (!isUUID(data.tenantId)) throw new UnrecoverableError('The job names no tenant');
    switch (job.name) {
      case FIRE_REMINDER_JOB:
        if (!isUUID(data.reminderId)) throw new UnrecoverableError('The job names no reminder');
        return this.reminders.fire({ tenantId: data.tenantId!, reminderId: data.reminderId! });
      case RENOTIFY_ALERT_JOB:
        if (!isUUID(data.alertId) || !Number.isInteger(data.round) || data.round! < 2) {
          throw new UnrecoverableError('The job names no alert round');
        }
        return this.alerts.renotify({
          tenantId: data.tenantId!,
          alertId: data.alertId!,
          round: data.round!,
        });
      default:
        // Retrying cannot teach this worker a new job name.
        throw new UnrecoverableError(`No reminders job named "${job.name}"`);
    }
  }
}
