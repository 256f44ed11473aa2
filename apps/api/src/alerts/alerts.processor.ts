import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { isUUID } from 'class-validator';
import { QUEUES } from '../queues/queue-connection';
import { RENOTIFY_ALERT_JOB, type RenotifyAlertJobData } from './alert-jobs';
import { AlertRoundsService } from './alert-rounds.service';

/** The `alerts` queue: each `renotify` job runs one re-notification round of an alert. */
@Processor(QUEUES.alerts)
export class AlertsProcessor extends WorkerHost {
  constructor(private readonly rounds: AlertRoundsService) {
    super();
  }

  process(job: Job): Promise<unknown> {
    if (job.name !== RENOTIFY_ALERT_JOB) {
      // Retrying cannot teach this worker a new job name.
      throw new UnrecoverableError(`No alerts job named "${job.name}"`);
    }
    const data = job.data as Partial<RenotifyAlertJobData>;
    if (!isUUID(data.tenantId)) throw new UnrecoverableError('The job names no tenant');
    if (!isUUID(data.alertId) || !Number.isInteger(data.round) || data.round! < 2) {
      throw new UnrecoverableError('The job names no alert round');
    }
    return this.rounds.renotify({
      tenantId: data.tenantId!,
      alertId: data.alertId!,
      round: data.round!,
    });
  }
}
