import { ConflictException, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { mediumSuite, seedTenant } from '../../test/medium/medium';
import { ConversationsModule } from './conversations.module';
import { ConversationsService } from './conversations.service';
import { MessagesService } from './messages.service';

/** The rules of sending and reading, on the real services and database, without HTTP. */
describe('messages service (medium)', () => {
  const suite = mediumSuite([ConversationsModule]);
  let conversations: ConversationsService;
  let messages: MessagesService;
  let alice: AuthenticatedUser, bob: AuthenticatedUser, carol: AuthenticatedUser;
  let dave: AuthenticatedUser;

  beforeAll(async () => {
    conversations = suite().get(ConversationsService);
    messages = suite().get(MessagesService);
    [alice, bob, carol] = await seedTenant(suite().owner, 'Alice', 'Bob', 'Carol');
    [dave] = await seedTenant(suite().owner, 'Dave');
  });

  const group = async (creator: AuthenticatedUser, members: AuthenticatedUser[]) =>
    (
      await conversations.create(creator, {
        kind: 'group',
        title: `Garde ${randomUUID().slice(0, 6)}`,
        memberIds: members.map((m) => m.id),
      })
    ).view;

  const sendAs = (who: AuthenticatedUser, conversationId: string, body = 'Bonjour', id?: string) =>
    messages.send(who, conversationId, { body, clientMessageId: id ?? randomUUID() });

  const stored = async (conversationId: string) =>
    (
      (await suite().owner.query(
        `SELECT seq, client_message_id FROM messages WHERE conversation_id = $1 ORDER BY seq`,
        [conversationId],
      )) as { seq: string; client_message_id: string }[]
    ).map((row) => ({ seq: Number(row.seq), clientMessageId: row.client_message_id }));

  it('hands out gap-free, strictly increasing seqs to concurrent senders', async () => {
    const conversation = await group(alice, [bob, carol]);
    const senders = [alice, bob, carol];
    const sent = await Promise.all(
      Array.from({ length: 30 }, (_, i) => sendAs(senders[i % 3]!, conversation.id, `m${i}`)),
    );
    expect(sent.map((m) => m.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    expect((await stored(conversation.id)).map((row) => row.seq)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    expect((await conversations.get(alice, conversation.id)).lastSeq).toBe(30);
  });

  it('makes one message of a send retried, even when the retries race', async () => {
    const conversation = await group(alice, [bob]);
    const clientMessageId = randomUUID();
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => sendAs(bob, conversation.id, 'Une fois', clientMessageId)),
    );
    expect(new Set(retries.map((m) => m.id)).size).toBe(1);
    const again = await sendAs(bob, conversation.id, 'Une fois', clientMessageId);
    expect(again.id).toBe(retries[0]!.id);
    expect(await stored(conversation.id)).toEqual([{ seq: 1, clientMessageId }]);
    await expect(sendAs(bob, conversation.id, 'Autre chose', clientMessageId)).rejects.toThrow(
      ConflictException,
    );
    expect(await stored(conversation.id)).toHaveLength(1);
  });

  it('moves a read watermark forward only, never past the last message', async () => {
    const conversation = await group(alice, [bob]);
    for (let i = 0; i < 3; i++) await sendAs(alice, conversation.id);
    expect((await conversations.get(bob, conversation.id)).unreadCount).toBe(3);
    expect((await messages.markRead(bob, conversation.id, 2)).seq).toBe(2);
    expect((await messages.markRead(bob, conversation.id, 1)).seq).toBe(2);
    expect((await messages.markRead(bob, conversation.id, 99)).seq).toBe(3);
    expect((await conversations.get(bob, conversation.id)).unreadCount).toBe(0);
    // Sending marks the sender's own conversation read.
    await sendAs(bob, conversation.id);
    expect((await conversations.get(bob, conversation.id)).lastReadSeq).toBe(4);
    expect((await conversations.get(alice, conversation.id)).unreadCount).toBe(1);
  });

  it('lets only members act, and answers another tenant as if nothing existed', async () => {
    const conversation = await group(alice, [bob]);
    await expect(sendAs(carol, conversation.id)).rejects.toThrow(NotFoundException);
    await expect(sendAs(dave, conversation.id)).rejects.toThrow(NotFoundException);
    await expect(messages.markRead(dave, conversation.id, 1)).rejects.toThrow(NotFoundException);
    await expect(conversations.get(dave, conversation.id)).rejects.toThrow(NotFoundException);
    await expect(
      conversations.create(alice, { kind: 'direct', memberIds: [dave.id] }),
    ).rejects.toThrow(NotFoundException);

    await conversations.removeMember(alice, conversation.id, bob.id);
    await expect(sendAs(bob, conversation.id)).rejects.toThrow(NotFoundException);
    // Only the timeline note of his removal: nothing he tried to send.
    expect(await stored(conversation.id)).toEqual([
      { seq: 1, clientMessageId: expect.stringMatching(/^note:/) },
    ]);
  });

  it('keeps one direct conversation per pair, whoever asks first', async () => {
    const [first, second] = await Promise.all([
      conversations.create(alice, { kind: 'direct', memberIds: [carol.id] }),
      conversations.create(carol, { kind: 'direct', memberIds: [alice.id] }),
    ]);
    expect(first.view.id).toBe(second.view.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);
  });
});
