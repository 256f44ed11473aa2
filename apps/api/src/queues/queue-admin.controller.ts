import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminOnly } from '../common/admin-only.decorator';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { CurrentUser } from '../common/current-user.decorator';
import {
  JobListQueryDto,
  JobListResponseDto,
  JobViewDto,
  ProbeJobDto,
  QueueStatsResponseDto,
  RetryFailedResponseDto,
} from './dto/queue-admin.dto';
import { ProbeJobsService } from './probe-jobs.service';
import { AdminScopesService } from './admin-scopes.service';
import { QueueAdminService } from './queue-admin.service';
import { QueueStatsService } from './queue-stats.service';

const NO_SUCH_QUEUE_OR_JOB = 'No such queue, or no such job in your organisation';

/** The queue dashboard's API. Admins see their organisation's jobs; platform operators see all. */
@ApiTags('queues')
@ApiBearerAuth()
@AdminOnly()
@Controller('admin/queues')
export class QueueAdminController {
  constructor(
    private readonly scopes: AdminScopesService,
    private readonly stats: QueueStatsService,
    private readonly admin: QueueAdminService,
    private readonly probes: ProbeJobsService,
  ) {}

  @Get('stats')
  @ApiOperation({ summary: 'Per queue: counts, throughput over the last minute, paused state' })
  @ApiOkResponse({ type: QueueStatsResponseDto })
  async queueStats(@CurrentUser() caller: AuthenticatedUser) {
    return this.stats.all(await this.scopes.of(caller));
  }

  @Get(':name/jobs')
  @ApiOperation({ summary: 'Jobs, newest first; state=failed lists the dead letters' })
  @ApiOkResponse({ type: JobListResponseDto })
  @ApiNotFoundResponse({ description: 'No such queue' })
  async list(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('name') name: string,
    @Query() query: JobListQueryDto,
  ) {
    return this.admin.list(name, await this.scopes.of(caller), query);
  }

  @Get(':name/jobs/:jobId')
  @ApiOperation({ summary: 'One job, with its data and last error' })
  @ApiOkResponse({ type: JobViewDto })
  @ApiNotFoundResponse({ description: NO_SUCH_QUEUE_OR_JOB })
  async get(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('name') name: string,
    @Param('jobId') jobId: string,
  ) {
    return this.admin.get(name, await this.scopes.of(caller), jobId);
  }

  @Post(':name/jobs/:jobId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run a failed job again' })
  @ApiOkResponse({ type: JobViewDto })
  @ApiNotFoundResponse({ description: NO_SUCH_QUEUE_OR_JOB })
  @ApiConflictResponse({ description: 'The job has not failed' })
  async retry(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('name') name: string,
    @Param('jobId') jobId: string,
  ) {
    return this.admin.retry(name, await this.scopes.of(caller), jobId);
  }

  @Post(':name/retry-failed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run every failed job (dead letter) of the queue again' })
  @ApiOkResponse({ type: RetryFailedResponseDto })
  @ApiNotFoundResponse({ description: 'No such queue' })
  async retryFailed(@CurrentUser() caller: AuthenticatedUser, @Param('name') name: string) {
    return this.admin.retryFailed(name, await this.scopes.of(caller));
  }

  @Delete(':name/jobs/:jobId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a job that is not running' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: NO_SUCH_QUEUE_OR_JOB })
  @ApiConflictResponse({ description: 'The job is running' })
  async remove(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('name') name: string,
    @Param('jobId') jobId: string,
  ) {
    await this.admin.remove(name, await this.scopes.of(caller), jobId);
  }

  @Post(':name/pause')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop workers taking jobs from the queue (platform operators)' })
  @ApiNoContentResponse({ description: 'Paused' })
  @ApiNotFoundResponse({ description: 'No such queue' })
  async pause(@CurrentUser() caller: AuthenticatedUser, @Param('name') name: string) {
    await this.admin.setPaused(name, await this.scopes.of(caller), true);
  }

  @Post(':name/resume')
  @HttpCode(204)
  @ApiOperation({ summary: 'Let workers take jobs from the queue again (platform operators)' })
  @ApiNoContentResponse({ description: 'Resumed' })
  @ApiNotFoundResponse({ description: 'No such queue' })
  async resume(@CurrentUser() caller: AuthenticatedUser, @Param('name') name: string) {
    await this.admin.setPaused(name, await this.scopes.of(caller), false);
  }

  @Post('probe')
  @ApiOperation({
    summary: 'Send a diagnostic job through the maintenance queue, to check the pipeline',
  })
  @ApiCreatedResponse({ type: JobViewDto })
  probe(@CurrentUser() caller: AuthenticatedUser, @Body() input: ProbeJobDto) {
    return this.probes.enqueue(caller, input);
  }
}
