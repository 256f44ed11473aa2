import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { mediumSuite, seedTenant } from '../../test/medium/medium';
import { ConversationsModule } from '../conversations/conversations.module';
import { ConversationsService } from '../conversations/conversations.service';
import { MessagesService } from '../conversations/messages.service';
import type { OutboxEvents } from '../outbox/outbox-events';
import { PresenceService } from '../people/presence.service';
import { QUEUE_PREFIX, QUEUES, queueConnection } from '../queues/queue-connection';
import { MessageNotificationsService } from './message-notifications.service';
import { MessageSentService } from './message-sent.service';
import { mentionEmailJobId } from './notification-jobs';
import { NotificationsDeliveryModule } from './notifications-delivery.module';

/**
 * Who a message notifies, and how several become one, on the real services and database: the
 * sender never, a muted member only when mentioned, a connected member only when mentioned, another
 * tenant never; one notification per unread streak, one email per streak and rule.
 */
describe('message notifications (medium)', () => {
  const suite = mediumSuite([ConversationsModule, NotificationsDeliveryModule]);
  let alice: AuthenticatedUser, bob: AuthenticatedUser, carol: AuthenticatedUser;
  let frank: AuthenticatedUser, dave: AuthenticatedUser, eve: AuthenticatedUser;
  let queue: Queue;

  beforeAll(async () => {
    [alice, bob, carol, frank] = await seedTenant(suite().owner, 'Alice', 'Bob', 'Carol', 'Frank');
    [dave, eve] = await seedTenant(suite().owner, 'Dave', 'Eve');
    queue = new Queue(QUEUES.notifications, {
      connection: queueConnection(process.env.REDIS_URL!),
      prefix: QUEUE_PREFIX,
    });
  });
  afterAll(() => queue.close());

  const group = async (creator: AuthenticatedUser, members: AuthenticatedUser[]) =>
    (
      await suite()
        .get(ConversationsService)
        .create(creator, {
          kind: 'group',
          title: `Garde ${randomUUID().slice(0, 6)}`,
          memberIds: members.map((m) => m.id),
        })
    ).view;

  /** Sends, then runs what the worker runs for the message.sent event the send recorded. */
  const sendAndNotify = async (who: AuthenticatedUser, conversationId: string, body: string) => {
    const message = await suite()
      .get(MessagesService)
      .send(who, conversationId, { body, clientMessageId: randomUUID() });
    const [event] = (await suite().owner.query(`SELECT name, data FROM outbox WHERE job_id = $1`, [
      `message-sent-${message.id}`,
    ])) as { name: string; data: OutboxEvents['message.sent'] }[];
    expect(event?.name).toBe('message.sent');
    await suite().get(MessageSentService).notify(event!.data);
    return message;
  };

  /** `who`'s notifications of one conversation (each test has its own). */
  const notificationsOf = async (who: AuthenticatedUser, conversationId: string) =>
    (await suite().owner.query(
      `SELECT type, key, title, data FROM notifications
       WHERE user_id = $1 AND data->>'conversationId' = $2 ORDER BY created_at`,
      [who.id, conversationId],
    )) as { type: string; key: string; title: string; data: { count?: number } }[];

  it('notifies the members away, never the sender, a muted or connected member only of a mention', async () => {
    const conversation = await group(alice, [bob, carol, frank]);
    await suite().owner.query(
      `UPDATE conversation_members SET muted = true WHERE conversation_id = $1 AND user_id = $2`,
      [conversation.id, carol.id],
    );
    const frankSocket = { socketId: randomUUID(), userId: frank.id, tenantId: frank.tenantId };
    await suite().get(PresenceService).connect(frankSocket);
    try {
      await sendAndNotify(alice, conversation.id, 'Intervention terminée');
      expect(await notificationsOf(bob, conversation.id)).toEqual([
        expect.objectContaining({ type: 'message', data: expect.objectContaining({ count: 1 }) }),
      ]);
      expect(await notificationsOf(alice, conversation.id)).toEqual([]);
      expect(await notificationsOf(carol, conversation.id)).toEqual([]);
      expect(await notificationsOf(frank, conversation.id)).toEqual([]);

      await sendAndNotify(alice, conversation.id, `<@${carol.id}> <@${frank.id}> au rapport`);
      expect((await notificationsOf(carol, conversation.id)).map((n) => n.type)).toEqual([
        'mention',
      ]);
      expect((await notificationsOf(frank, conversation.id)).map((n) => n.type)).toEqual([
        'mention',
      ]);
      expect(await notificationsOf(alice, conversation.id)).toEqual([]);
    } finally {
      await suite().get(PresenceService).disconnect(frankSocket);
    }
  });

  it("notifies no one of another tenant's conversation", async () => {
    const theirs = await group(dave, [eve]);
    const before = await suite().owner.query(`SELECT count(*)::int AS n FROM notifications`);
    // A job naming Alice's tenant and Dave's conversation: the wall shows it no member.
    await suite().get(MessageSentService).notify({
      tenantId: alice.tenantId,
      conversationId: theirs.id,
      messageId: randomUUID(),
      senderId: alice.id,
      seq: 1,
      mentions: true,
    });
    expect(await suite().owner.query(`SELECT count(*)::int AS n FROM notifications`)).toEqual(
      before,
    );
  });

  it('coalesces a streak into one notification, one message email and one mention email job', async () => {
    const conversation = await group(alice, [bob, frank]);
    for (const body of ['Un', 'Deux', 'Trois']) await sendAndNotify(alice, conversation.id, body);
    const bobs = await notificationsOf(bob, conversation.id);
    expect(bobs).toHaveLength(1);
    expect(bobs[0]).toMatchObject({
      key: `message:${conversation.id}:0`,
      title: '3 nouveaux messages de Alice',
      data: { count: 3 },
    });

    // The streak's email check, run twice (a retry): one email recorded.
    const check = {
      tenantId: bob.tenantId,
      userId: bob.id,
      conversationId: conversation.id,
      readSeq: 0,
    };
    const messages = suite().get(MessageNotificationsService);
    expect(await messages.onEmailCheck(check)).toEqual({ emailed: true });
    await messages.onEmailCheck(check);
    const emails = await suite().owner.query(
      `SELECT key FROM notification_emails WHERE user_id = $1`,
      [bob.id],
    );
    expect(emails).toEqual([{ key: `message:${conversation.id}:0` }]);

    // Two mentions of Frank's streak: two notifications in the app, one email job for both.
    await sendAndNotify(alice, conversation.id, `<@${frank.id}> tu es là ?`);
    await sendAndNotify(alice, conversation.id, `<@${frank.id}> réponds`);
    expect(
      (await notificationsOf(frank, conversation.id)).filter((n) => n.type === 'mention'),
    ).toHaveLength(2);
    const emailJob = await queue.getJob(
      mentionEmailJobId({ userId: frank.id, conversationId: conversation.id, readSeq: 0 }),
    );
    expect(emailJob?.data).toMatchObject({ userId: frank.id, readSeq: 0 });
    await emailJob?.remove();
  });

  it('reads the notifications of the streaks a read ended, and only those', async () => {
    const conversation = await group(alice, [bob]);
    await sendAndNotify(alice, conversation.id, 'Premier');
    await suite().get(MessagesService).markRead(bob, conversation.id, 1);
    await sendAndNotify(alice, conversation.id, 'Second');
    const read = await suite().get(MessageNotificationsService).onConversationRead({
      tenantId: bob.tenantId,
      conversationId: conversation.id,
      userId: bob.id,
      seq: 1,
    });
    expect(read).toEqual({ read: 1 });
    const rows = await suite().owner.query(
      `SELECT key, read_at IS NOT NULL AS read FROM notifications
       WHERE user_id = $1 AND data->>'conversationId' = $2 ORDER BY key`,
      [bob.id, conversation.id],
    );
    expect(rows).toEqual([
      { key: `message:${conversation.id}:0`, read: true },
      { key: `message:${conversation.id}:1`, read: false },
    ]);
  });
});
