import {
  JOB_STATES,
  QUEUE_NAMES,
  type JobListQuery,
  type JobListResponse,
  type JobState,
  type JobView,
  type ProbeJobInput,
  type QueueAdminScope,
  type QueueName,
  type QueueStats,
  type QueueStatsResponse,
  type RetryFailedResponse,
} from '@mindsp/contracts';
import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { PlainText } from '../../common/validators';

/** `limit` as every list's; no cursor: a queue's lists change too fast to page through. */
export class JobListQueryDto
  extends PickType(PageQueryDto, ['limit'] as const)
  implements JobListQuery
{
  @ApiPropertyOptional({
    enum: JOB_STATES,
    description: 'All states when absent; failed = dead letters',
  })
  @IsOptional()
  @IsIn(JOB_STATES)
  state?: JobState;

  @ApiPropertyOptional({
    description: 'A job id, or a value found in the job data (ignoring case)',
  })
  @IsOptional()
  @PlainText({ max: 200, allowBlank: true })
  q?: string;
}

export class ProbeJobDto implements ProbeJobInput {
  @ApiPropertyOptional({ description: 'Free text, to find the probe again', maxLength: 200 })
  @IsOptional()
  @PlainText({ max: 200, allowBlank: true })
  label?: string;

  @ApiPropertyOptional({ description: 'Fail this many attempts first', minimum: 0, maximum: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  failTimes?: number;

  @ApiPropertyOptional({ description: 'Fail at once, without retry (a poison job)' })
  @IsOptional()
  @IsBoolean()
  unrecoverable?: boolean;

  @ApiPropertyOptional({ description: 'Work this long (ms) before answering', maximum: 60_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60_000)
  sleepMs?: number;

  @ApiPropertyOptional({ description: 'Wait this long (ms) before running', maximum: 86_400_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  delayMs?: number;

  @ApiPropertyOptional({ description: 'Attempts before it becomes a dead letter', default: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  attempts?: number;
}

class JobCountsDto implements Record<JobState, number> {
  @ApiProperty() waiting!: number;
  @ApiProperty() active!: number;
  @ApiProperty() delayed!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() failed!: number;
}

export class QueueStatsDto implements QueueStats {
  @ApiProperty({ enum: QUEUE_NAMES }) name!: QueueName;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ type: JobCountsDto }) counts!: JobCountsDto;
  @ApiProperty() completedLastMinute!: number;
  @ApiProperty() failedLastMinute!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Null when none waits' })
  oldestWaitingMs!: number | null;
}

export class QueueStatsResponseDto implements QueueStatsResponse {
  @ApiProperty({ type: [QueueStatsDto] }) queues!: QueueStatsDto[];
  @ApiProperty({
    enum: ['tenant', 'platform'],
    description: "tenant: your organisation's jobs; platform: every organisation's (operators)",
  })
  scope!: QueueAdminScope;
}

export class JobViewDto implements JobView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: QUEUE_NAMES }) queue!: QueueName;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: JOB_STATES }) state!: JobState;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty() attemptsMade!: number;
  @ApiProperty() maxAttempts!: number;
  @ApiProperty({ type: String, nullable: true }) failedReason!: string | null;
  @ApiProperty({ description: 'Failed for good: attempts exhausted or unrecoverable' })
  deadLetter!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) processedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class JobListResponseDto implements JobListResponse {
  @ApiProperty({ type: [JobViewDto] }) items!: JobViewDto[];
}

export class RetryFailedResponseDto implements RetryFailedResponse {
  @ApiProperty() retried!: number;
}
