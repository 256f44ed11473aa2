import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import { QUEUES } from '../queues/queue-connection';
import { EmailSenderService, type Held } from './email-sender.service';
import {
  DIGEST_JOB,
  RELEASE_HELD_JOB,
  SEND_EMAIL_JOB,
  type DigestJobData,
  type ReleaseHeldJobData,
  type SendEmailJobData,
} from './notification-jobs';

/** The `emails` queue: one email, a digest, or releasing what quiet hours held. */
@Processor(QUEUES.emails)
export class EmailsProcessor extends WorkerHost {
  constructor(
    private readonly sender: EmailSenderService,
    @InjectQueue(QUEUES.emails) private readonly queue: Queue,
  ) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    switch (job.name) {
      case SEND_EMAIL_JOB:
        return this.sender.sendOne(job as Job<SendEmailJobData & Held>, token);
      case DIGEST_JOB:
        return this.sender.sendDigest(job as Job<DigestJobData & Held>, token);
      case RELEASE_HELD_JOB:
        return this.releaseHeld(job.data as ReleaseHeldJobData);
      default:
        throw new UnrecoverableError(`No emails job named "${job.name}"`);
    }
  }

  /**
   * The user changed their quiet hours: the emails they held run now and look at the new ones
   * (held again if still quiet). Digests waiting for their period and retries keep their time.
   */
  private async releaseHeld({ userId }: ReleaseHeldJobData) {
    let released = 0;
    const delayed = await this.queue.getDelayed();
    for (const held of delayed) {
      const data = held.data as (SendEmailJobData | DigestJobData) & Held;
      if (data.userId !== userId || !data.heldUntil) continue;
      await held.updateData({ ...data, heldUntil: undefined });
      await held.promote().then(
        () => released++,
        // It left the delayed set meanwhile (another worker, or its time came).
        () => undefined,
      );
    }
    return { released };
  }
}
