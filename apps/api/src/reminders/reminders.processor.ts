import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { isUUID } from 'class-validator';
import { RENOTIFY_ALERT_JOB } from '../alerts/alert-jobs';
import { QUEUES } from '../queues/queue-connection';
import { FIRE_REMINDER_JOB, type FireReminderJobData } from './reminder-jobs';
import { ReminderFiringService } from './reminder-firing.service';

/** The `reminders` queue: each `fire` job delivers one reminder at its time. */
@Processor(QUEUES.reminders)
export class RemindersProcessor extends WorkerHost {
  constructor(
    private readonly reminders: ReminderFiringService,
    @InjectQueue(QUEUES.alerts) private readonly alerts: Queue,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === RENOTIFY_ALERT_JOB) {
      // Recorded by a version that ran alerts' rounds on this queue: handed to their own, same id.
      await this.alerts.add(job.name, job.data, { jobId: job.id });
      return 'moved to the alerts queue';
    }
    if (job.name !== FIRE_REMINDER_JOB) {
      // Retrying cannot teach this worker a new job name.
      throw new UnrecoverableError(`No reminders job named "${job.name}"`);
    }
    const data = job.data as Partial<FireReminderJobData>;
    if (!isUUID(data.tenantId)) throw new UnrecoverableError('The job names no tenant');
    if (!isUUID(data.reminderId)) throw new UnrecoverableError('The job names no reminder');
    return this.reminders.fire({ tenantId: data.tenantId!, reminderId: data.reminderId! });
  }
}
