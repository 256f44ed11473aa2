import {
  MESSAGING_LIMITS,
  mentionsIn,
  type MessagePage,
  type MessageView,
  type ReadUpdate,
  type SyncResult,
} from '@mindsp/contracts';
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { AttachmentsService } from '../files/attachments.service';
import type { StoredKeys } from '../files/attachments.repository';
import { RealtimeService } from '../realtime/realtime.service';
import { rooms } from '../realtime/rooms';
import { TenantDatabase } from '../database/tenant-database';
import { ConversationAccess } from './conversation-access';
import { ConversationEventOrder, type TakeTurn } from './conversation-event-order';
import type { MessageListQueryDto, SendMessageDto } from './dto/messages.dto';
import { ConversationMembersRepository } from './conversation-members.repository';
import { ConversationsRepository } from './conversations.repository';
import type { Message } from './message.entity';
import { MessagesRepository, type PageStart } from './messages.repository';
import { MessageRateLimiter } from './message-rate-limiter';
import { badField } from '../common/bad-request';
import { ConversationViews } from './conversation-views';
import { MessageDetails } from './message-details';
import { MessageNotificationJob } from './message-notification-job';
import { MessageStateRepository } from './message-state.repository';
import { viewFor } from './views';

/** Thrown inside the send transaction to roll it back (and its seq) when a retry raced the original. */
class DuplicateSend extends Error {}

@Injectable()
export class MessagesService {
  constructor(
    private readonly tenantDb: TenantDatabase,
    private readonly messages: MessagesRepository,
    private readonly conversations: ConversationsRepository,
    private readonly members: ConversationMembersRepository,
    private readonly access: ConversationAccess,
    private readonly order: ConversationEventOrder,
    private readonly realtime: RealtimeService,
    private readonly rateLimiter: MessageRateLimiter,
    private readonly notifications: NotificationsRepository,
    private readonly attachments: AttachmentsService,
    private readonly details: MessageDetails,
    private readonly state: MessageStateRepository,
    private readonly views: ConversationViews,
    private readonly notificationJob: MessageNotificationJob,
  ) {}

  /** The latest page by default; `before` pages back in history, `after` catches up. Ascending seq. */
  async list(
    caller: AuthenticatedUser,
    conversationId: string,
    query: MessageListQueryDto,
  ): Promise<MessagePage> {
    const limit = query.limit ?? MESSAGING_LIMITS.messagePageDefault;
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      await this.access.findForMember(tx, caller, conversationId);
      // Read first: a change committed while the page is read comes again at the next sync.
      const lastChange = await this.conversations.lastChange(tx, conversationId);
      return { ...(await this.page(tx, conversationId, query, limit)), lastChange };
    });
  }

  /**
   * Sends a message. Its seq is taken in the same transaction as the insert, so seqs are gap-free
   * and strictly increasing. The same clientMessageId again returns the original message.
   */
  async send(
    caller: AuthenticatedUser,
    conversationId: string,
    input: SendMessageDto,
  ): Promise<MessageView> {
    // Counted before any connection is taken; a retry over the limit still gets its original.
    const refused = await this.rateLimiter.consume(caller.id).then(
      () => null,
      (error: unknown) => error,
    );
    if (refused) {
      const original = await this.tenantDb.transaction(caller.tenantId, (tx) =>
        this.findRetry(tx, caller, conversationId, input),
      );
      if (original) return original;
      throw refused;
    }
    try {
      return await this.order.write(caller.tenantId, async (tx, takeTurn) => {
        await this.checkReplyAndMentions(tx, caller, conversationId, input);
        const sent = await this.messages.send(tx, {
          conversationId,
          tenantId: caller.tenantId,
          senderId: caller.id,
          clientMessageId: input.clientMessageId,
          body: input.body,
          replyToId: input.replyToId ?? null,
        });
        // The statement held the conversation's row lock: senders are serialised, seq allocation
        // cannot interleave, and the turn taken under it puts message:new events in seq order.
        takeTurn(conversationId);
        // No member row under the lock: not a member, or removed while this send waited (404).
        if ('missing' in sent) throw new NotFoundException('Conversation not found');
        // A retry (or a concurrent one that won the race): roll back, seq included, and answer
        // with the original.
        if ('duplicate' in sent) throw new DuplicateSend();
        const message = sent.stored;
        // The members' notifications, when any is due: relayed to the worker once this commits,
        // even if Redis is away right now.
        await this.notificationJob.record(tx, caller.tenantId, message, sent.others);
        if (input.attachmentIds?.length) {
          message.attachments = await this.attachments.claim(tx, {
            ids: input.attachmentIds,
            conversationId,
            senderId: caller.id,
            messageId: message.id,
          });
        }
        const view = await this.details.sent(tx, message);
        return {
          result: view,
          events: () => this.realtime.send(rooms.conversation(conversationId), 'message:new', view),
        };
      });
    } catch (error) {
      if (!(error instanceof DuplicateSend)) throw error;
      // A retry is not counted against the sender's rate.
      await this.rateLimiter.refund(caller.id);
      return (await this.tenantDb.transaction(caller.tenantId, (tx) =>
        this.findRetry(tx, caller, conversationId, input),
      ))!;
    }
  }

  /**
   * Edits the caller's own message, unless it is deleted: one conditional statement, so an edit
   * racing a deletion either lands before it (and is then erased) or changes nothing (409).
   */
  async edit(
    caller: AuthenticatedUser,
    conversationId: string,
    messageId: string,
    body: string,
  ): Promise<MessageView> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      const changeSeq = await this.access.changeForMember(tx, caller, conversationId);
      await this.checkMentionOfEveryone(tx, caller, conversationId, body);
      const edited = await this.messages.edit(tx, {
        messageId,
        conversationId,
        senderId: caller.id,
        body,
        changeSeq,
      });
      if (!edited) {
        const message = await this.findMessage(tx, conversationId, messageId);
        if (message.senderId !== caller.id)
          throw new ForbiddenException('Only the sender can edit a message');
        throw new ConflictException('This message was deleted');
      }
      return this.committed(takeTurn, 'message:updated', await this.details.view(tx, edited));
    });
  }

  /**
   * Deletes for everyone: the message keeps its seq (no gap) and loses its body, in one
   * conditional statement. Sender or admin. Deleting it again answers the deleted message.
   */
  async remove(
    caller: AuthenticatedUser,
    conversationId: string,
    messageId: string,
  ): Promise<MessageView> {
    // Its files go with it: rows in the same transaction, bytes once that commits.
    let files: StoredKeys[] = [];
    const result = await this.order.write(caller.tenantId, async (tx, takeTurn) => {
      const changeSeq = await this.access.changeForMember(tx, caller, conversationId);
      const erased = await this.messages.erase(tx, {
        messageId,
        conversationId,
        userId: caller.id,
        asAdmin: caller.role === 'admin',
        changeSeq,
      });
      if (erased) {
        files = await this.attachments.detach(tx, messageId);
        return this.committed(takeTurn, 'message:deleted', await this.details.view(tx, erased));
      }
      const message = await this.findMessage(tx, conversationId, messageId);
      if (message.senderId !== caller.id && caller.role !== 'admin') {
        throw new ForbiddenException('Only the sender or an admin can delete a message');
      }
      return { result: await this.details.view(tx, message) };
    });
    await this.attachments.discardNow(files);
    return result;
  }

  /** Moves the caller's read watermark forward (never back, never past the last message). */
  async markRead(
    caller: AuthenticatedUser,
    conversationId: string,
    seq: number,
  ): Promise<ReadUpdate> {
    return this.order.write(caller.tenantId, async (tx, takeTurn) => {
      // The member row's lock orders one member's reads; the watermark only moves forward.
      const moved = await this.members.moveReadWatermark(tx, {
        conversationId,
        userId: caller.id,
        tenantId: caller.tenantId,
        seq,
      });
      if (!moved) {
        // Already read that far, or not a member (404).
        await this.access.findForMember(tx, caller, conversationId);
        const member = await this.members.findMember(tx, conversationId, caller.id);
        return { result: { conversationId, userId: caller.id, seq: member.lastReadSeq } };
      }
      takeTurn(conversationId);
      const update: ReadUpdate = { conversationId, userId: caller.id, seq: moved.lastReadSeq };
      // Opening the conversation reads its message notification too, in the same commit.
      const readIds = await this.notifications.markConversationRead(tx, caller.id, conversationId);
      // To every member: the sender's ✓✓, and the reader's other tabs' unread badge.
      return {
        result: update,
        events: () => {
          this.realtime.send(rooms.conversation(conversationId), 'read:updated', update);
          if (readIds.length)
            this.realtime.send(rooms.user(caller.id), 'notification:read', { ids: readIds });
        },
      };
    });
  }

  /**
   * Catch-up after a reconnect, per conversation: what came after the last seq the client holds
   * and, when it says up to which change it holds them (`changes`), the messages it holds that
   * were edited or deleted since. Checked by SyncDto (canonical ids, integers >= 0, at most 500).
   */
  async sync(
    caller: AuthenticatedUser,
    cursors: Record<string, number>,
    changes: Record<string, number> = {},
  ): Promise<SyncResult> {
    return this.tenantDb.transaction(caller.tenantId, async (tx) => {
      // Read first: a change committed while the rest is read comes again next time, never less.
      const memberOf = await this.conversations.changeCounters(tx, {
        ids: Object.keys(cursors),
        userId: caller.id,
        tenantId: caller.tenantId,
      });
      const result: SyncResult = { conversations: {} };
      // Conversations the caller is not in are left out, exactly as unknown ones.
      for (const { id, lastChange, metaChange } of memberOf) {
        const through = cursors[id]!;
        const since = changes[id];
        const page = await this.page(
          tx,
          id,
          { after: through },
          MESSAGING_LIMITS.syncPerConversation,
        );
        const changed =
          since === undefined
            ? []
            : await this.messages.changedSince(
                tx,
                id,
                { since, through },
                MESSAGING_LIMITS.syncPerConversation + 1,
              );
        // Its title or members changed after the client's change cursor: it gets them as they are.
        const metaChanged = since !== undefined && metaChange > since;
        const conversation = metaChanged
          ? viewFor(caller.id, (await this.views.load(tx, [id]))[0]!)
          : undefined;
        result.conversations[id] = {
          ...page,
          // Too many changes to send: the client reloads the history, as for too many messages.
          hasMore: page.hasMore || changed.length > MESSAGING_LIMITS.syncPerConversation,
          changed: await this.details.views(
            tx,
            changed.slice(0, MESSAGING_LIMITS.syncPerConversation),
          ),
          lastChange,
          ...(conversation && { conversation }),
        };
      }
      return result;
    });
  }

  private async page(
    tx: EntityManager,
    conversationId: string,
    start: PageStart,
    limit: number,
  ): Promise<MessagePage> {
    const rows = await this.messages.page(tx, conversationId, start, limit + 1);
    const items = rows.slice(0, limit);
    if (start.after === undefined) items.reverse();
    return { items: await this.details.views(tx, items), hasMore: rows.length > limit };
  }

  /**
   * A reply answers a message of the same conversation (another's, or an unknown id, is a bad
   * field: it gives no hint of what exists elsewhere). `<@all>` is for a group's creator or an
   * admin: anyone else is refused (403) rather than silently not notifying everyone.
   */
  private async checkReplyAndMentions(
    tx: EntityManager,
    caller: AuthenticatedUser,
    conversationId: string,
    input: SendMessageDto,
  ) {
    if (input.replyToId) {
      const [original] = await this.messages.findMany(tx, conversationId, [input.replyToId]);
      if (!original) {
        // Not a member (or another tenant's conversation): 404 like any send, not a bad field.
        await this.access.findForMember(tx, caller, conversationId);
        throw badField('replyToId', 'replyToId must be a message of this conversation');
      }
    }
    await this.checkMentionOfEveryone(tx, caller, conversationId, input.body);
  }

  /** `<@all>` (sent, or added by an edit) is for a group's creator or an admin only. */
  private async checkMentionOfEveryone(
    tx: EntityManager,
    caller: AuthenticatedUser,
    conversationId: string,
    body: string,
  ) {
    if (!mentionsIn(body).everyone) return;
    const conversation = await this.access.findForMember(tx, caller, conversationId);
    const allowed =
      conversation.kind === 'group' &&
      (conversation.createdBy === caller.id || caller.role === 'admin');
    if (!allowed)
      throw new ForbiddenException("Only the group's creator or an admin can mention everyone");
  }

  /** Takes the turn of a changed message (its row is locked) and emits its event in it. */
  private committed(
    takeTurn: TakeTurn,
    event: 'message:updated' | 'message:deleted',
    view: MessageView,
  ) {
    takeTurn(view.conversationId);
    return {
      result: view,
      events: () => this.realtime.send(rooms.conversation(view.conversationId), event, view),
    };
  }

  private async findMessage(
    tx: EntityManager,
    conversationId: string,
    messageId: string,
  ): Promise<Message> {
    const message = await this.messages.find(tx, conversationId, messageId);
    if (!message) throw new NotFoundException('Message not found');
    return message;
  }

  /** The original of a retried send; 409 when the id was used for something else. */
  private async findRetry(
    tx: EntityManager,
    caller: AuthenticatedUser,
    conversationId: string,
    input: SendMessageDto,
  ): Promise<MessageView | null> {
    const original = await this.messages.findSent(tx, caller.id, input.clientMessageId);
    if (!original) return null;
    if (original.conversationId !== conversationId || original.body !== input.body) {
      // Another tenant's or conversation's id gives no hint of it: only the sender can match.
      throw new ConflictException('clientMessageId was already used for a different message');
    }
    return this.details.view(tx, original);
  }
}
