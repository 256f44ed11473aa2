import type { ConversationView, MemberView, MessageView } from '@mindsp/contracts';
import type { TestApp } from './app';
import {
  as,
  conversationOf,
  createGroup,
  demoSuite,
  send,
  SEND_FREELY,
  socketOf,
  type Person,
} from './messaging';

/**
 * The SPA's receipt rule, as the contract describes it: who could read a message (members and
 * former members, not its sender, who were there when it was sent) and who did.
 */
function receipts(conversation: ConversationView, message: MessageView) {
  const s = message.seq;
  const everyone: (MemberView & { leftAtSeq?: number })[] = [
    ...conversation.members,
    ...conversation.formerMembers,
  ];
  const eligible = everyone.filter(
    (m) =>
      m.id !== message.senderId &&
      m.joinedAfterSeq < s &&
      (m.leftAtSeq === undefined || m.leftAtSeq >= s),
  );
  return {
    eligible: eligible.map((m) => m.displayName).sort(),
    read: eligible
      .filter((m) => m.lastReadSeq >= s)
      .map((m) => m.displayName)
      .sort(),
  };
}

describe('former members keep their name and the receipts of their time', () => {
  let t: TestApp, alice: Person, bob: Person, carol: Person;
  demoSuite(SEND_FREELY, (suite) => ({ t, alice, bob, carol } = suite));

  const markRead = (who: Person, conversationId: string, seq: number) =>
    as(t, who).post(`/api/conversations/${conversationId}/read`).send({ seq }).expect(200);
  const remove = (by: Person, conversationId: string, member: Person) =>
    as(t, by).delete(`/api/conversations/${conversationId}/members/${member.id}`).expect(204);
  const add = async (by: Person, conversationId: string, member: Person) =>
    (
      await as(t, by)
        .post(`/api/conversations/${conversationId}/members`)
        .send({ userIds: [member.id] })
        .expect(201)
    ).body as ConversationView;

  it('after carol leaves, her reads still count on earlier messages and not on later ones', async () => {
    const group = await createGroup(t, alice, [bob, carol]);
    expect(group.members.map((m) => m.joinedAfterSeq)).toEqual([0, 0, 0]);
    const before = await send(t, alice, group.id, 'avant le départ de Carol');
    await markRead(bob, group.id, before.seq);
    await markRead(carol, group.id, before.seq);
    expect(receipts(await conversationOf(t, alice, group.id), before)).toEqual({
      eligible: [bob.name, carol.name].sort(),
      read: [bob.name, carol.name].sort(),
    });

    const bobSocket = await socketOf(t, bob);
    await remove(carol, group.id, carol);
    const after = await send(t, alice, group.id, 'après le départ de Carol');
    await markRead(bob, group.id, after.seq);

    const seen = await conversationOf(t, alice, group.id);
    expect(seen.members.map((m) => m.displayName).sort()).toEqual([alice.name, bob.name].sort());
    expect(seen.formerMembers).toEqual([
      {
        id: carol.id,
        displayName: carol.name,
        lastReadSeq: before.seq,
        joinedAfterSeq: 0,
        leftAtSeq: before.seq,
      },
    ]);
    // "Lu par 2 sur 2" stays so on the message carol read while she was there.
    expect(receipts(seen, before)).toEqual({
      eligible: [bob.name, carol.name].sort(),
      read: [bob.name, carol.name].sort(),
    });
    // A message sent after she left does not count her.
    expect(receipts(seen, after)).toEqual({ eligible: [bob.name], read: [bob.name] });

    // The remaining members hear of it with her name kept.
    const update = await bobSocket.waitFor(
      'conversation:updated',
      (c) => c.id === group.id && c.formerMembers.length === 1,
    );
    expect(update.formerMembers[0]).toMatchObject({ id: carol.id, displayName: carol.name });
    // She no longer sees the conversation.
    await as(t, carol).get(`/api/conversations/${group.id}`).expect(404);
  });

  it('someone added later counts only for messages sent after they joined; re-adding a former member makes them a member again', async () => {
    const group = await createGroup(t, alice, [bob]);
    const first = await send(t, alice, group.id, 'avant Carol');
    const added = await add(alice, group.id, carol);
    // The seq after `first` is the timeline note of her arrival: she joins after it, read.
    expect(added.members.find((m) => m.id === carol.id)).toMatchObject({
      joinedAfterSeq: first.seq + 1,
      lastReadSeq: first.seq + 1,
    });
    // carol starts with everything read, yet she is not counted on a message from before her.
    expect(receipts(added, first)).toEqual({ eligible: [bob.name], read: [] });

    const second = await send(t, alice, group.id, 'avec Carol');
    await remove(alice, group.id, carol);
    const third = await send(t, alice, group.id, 'sans Carol');
    const readded = await add(alice, group.id, carol);
    expect(readded.formerMembers).toEqual([]);
    expect(readded.members.find((m) => m.id === carol.id)).toMatchObject({
      joinedAfterSeq: third.seq + 1,
    });
    expect(receipts(readded, second).eligible).toEqual([bob.name]);
  });
});
