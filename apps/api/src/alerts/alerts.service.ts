import { ConversationsReader } from '../conversations/conversations.reader';
import type { AlertAckUpdate, AlertResponse, AlertView } from '@mindsp/contracts';
import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { WriteLimits } from '../auth/write-limits';
import { badField } from '../common/bad-request';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { TenantDatabase } from '../database/tenant-database';
import { OutboxRepository } from '../outbox/outbox.repository';
import { assertActivePeople } from '../people/named-people';
import { UsersRepository } from '../users/users.repository';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import { alertDelivery, renotifyAlertJob } from './alert-jobs';
import type { Alert } from './alert.entity';
import { AlertsRepository } from './alerts.repository';
import type { CreateAlertDto } from './dto/alerts.dto';

/**
 * Urgent alerts: sent by an admin or a group's creator, answered by each recipient, followed live
 * by the sender. Re-notifications run in the worker (AlertRoundsService).
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly alerts: AlertsRepository,
    private readonly users: UsersRepository,
    private readonly audience: ConversationsReader,
    private readonly outbox: OutboxRepository,
    private readonly realtime: RealtimeService,
    private readonly limits: WriteLimits,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Saves the alert and its recipients, and records in the same transaction the first (urgent)
   * delivery and the first re-notification: the alert goes on after any restart. Within the
   * sender's and the tenant's alert budget (a refused alert creates nothing).
   */
  async create(caller: AuthenticatedUser, input: CreateAlertDto): Promise<AlertView> {
    if (input.conversationId && input.userIds) {
      throw badField('userIds', 'give either conversationId or userIds, not both');
    }
    if (!input.conversationId && !input.userIds) {
      throw badField('conversationId', 'give conversationId or userIds: who is alerted');
    }
    return this.limits.within('alert', caller, () => this.save(caller, input));
  }

  private save(caller: AuthenticatedUser, input: CreateAlertDto): Promise<AlertView> {
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      const recipients = (await this.recipientsFor(tx, caller, input)).filter(
        (id) => id !== caller.id,
      );
      if (!recipients.length) {
        const field = input.userIds ? 'userIds' : 'conversationId';
        throw badField(field, `${field} must name someone other than you`);
      }
      const alert = await this.alerts.insert(tx, {
        tenantId: caller.tenantId,
        senderId: caller.id,
        conversationId: input.conversationId ?? null,
        title: input.title,
        body: input.body,
      });
      await this.alerts.insertRecipients(tx, {
        tenantId: caller.tenantId,
        alertId: alert.id,
        userIds: recipients,
      });
      const { renotifySeconds, maxRenotifications } = this.config.alerts;
      await this.outbox.record(
        tx,
        alertDelivery(alert, recipients, 1),
        ...(maxRenotifications > 0 ? [renotifyAlertJob(alert, 2, renotifySeconds)] : []),
      );
      return this.view(tx, alert);
    });
  }

  /** The alert with every answer: for its sender, the tenant's admins and its recipients. */
  get(caller: AuthenticatedUser, id: string): Promise<AlertView> {
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      const alert = await this.alerts.find(tx, caller.tenantId, id);
      const view = alert && (await this.view(tx, alert));
      if (!view || !this.maySee(caller, view)) throw new NotFoundException('Alert not found');
      return view;
    });
  }

  /**
   * A recipient answers (again: the new answer replaces the old). Pushed as `alert:ack` to the
   * sender and to the recipient's other tabs. The REST route and the socket event both call this.
   */
  async acknowledge(
    caller: AuthenticatedUser,
    alertId: string,
    response: AlertResponse,
  ): Promise<AlertAckUpdate> {
    const { update, senderId } = await this.tenantDb.transaction(caller.tenantId, async (tx) => {
      const alert = await this.alerts.find(tx, caller.tenantId, alertId);
      if (!alert) throw new NotFoundException('Alert not found');
      const respondedAt = await this.alerts.answer(tx, {
        tenantId: caller.tenantId,
        alertId,
        userId: caller.id,
        response,
      });
      if (!respondedAt) {
        // The sender and admins see the alert: they are told why; anyone else, that it is not there.
        if (alert.senderId === caller.id || caller.role === 'admin') {
          throw new ForbiddenException('Only the people alerted answer it');
        }
        throw new NotFoundException('Alert not found');
      }
      return {
        senderId: alert.senderId,
        update: { alertId, userId: caller.id, response, respondedAt: respondedAt.toISOString() },
      };
    });
    this.realtime.send([rooms.user(senderId), rooms.user(caller.id)], 'alert:ack', update);
    return update;
  }

  private async recipientsFor(
    tx: EntityManager,
    caller: AuthenticatedUser,
    input: CreateAlertDto,
  ): Promise<string[]> {
    if (input.userIds) {
      if (caller.role !== 'admin') {
        throw new ForbiddenException('Only admins alert people by name; alert a group instead');
      }
      await assertActivePeople(this.users, tx, {
        tenantId: caller.tenantId,
        ids: input.userIds,
        field: 'userIds',
      });
      return input.userIds;
    }
    const conversation = await this.audience.forMember(tx, {
      tenantId: caller.tenantId,
      conversationId: input.conversationId!,
      userId: caller.id,
    });
    if (!conversation) throw new NotFoundException('Conversation not found');
    const creator = conversation.kind === 'group' && conversation.createdBy === caller.id;
    if (caller.role !== 'admin' && !creator) {
      throw new ForbiddenException('Only an admin or the creator of the group can alert it');
    }
    // A deactivated member stays in the group (their messages keep their name), not in its alerts.
    return this.users.activeAmong(tx, caller.tenantId, conversation.memberIds);
  }

  private maySee(caller: AuthenticatedUser, view: AlertView): boolean {
    return (
      caller.role === 'admin' ||
      view.senderId === caller.id ||
      view.recipients.some((recipient) => recipient.userId === caller.id)
    );
  }

  private async view(tx: EntityManager, alert: Alert): Promise<AlertView> {
    const recipients = await this.alerts.recipients(tx, alert.tenantId, alert.id);
    return {
      id: alert.id,
      title: alert.title,
      body: alert.body,
      senderId: alert.senderId,
      conversationId: alert.conversationId,
      createdAt: alert.createdAt.toISOString(),
      recipients: recipients.map((recipient) => ({
        userId: recipient.userId,
        displayName: recipient.displayName,
        response: recipient.response,
        respondedAt: recipient.respondedAt?.toISOString() ?? null,
        notifiedCount: recipient.notifiedCount,
      })),
    };
  }
}
