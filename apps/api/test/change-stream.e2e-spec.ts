import type { ConversationView, MessageView, SyncPage } from '@mindsp/contracts';
import type { TestApp } from './app';
import {
  as,
  conversationOf,
  createGroup,
  demoSuite,
  freshTenant,
  history,
  SEND_FREELY,
  send,
  socketOf,
  type Person,
} from './messaging';
import { Copy } from './client-copy';

const url = (conversationId: string, messageId: string, tail: string) =>
  `/api/conversations/${conversationId}/messages/${messageId}/${tail}`;

const react = (t: TestApp, who: Person, c: string, m: string, emoji: string) =>
  as(t, who)
    .post(url(c, m, 'reactions'))
    .send({ emoji });
const unreact = (t: TestApp, who: Person, c: string, m: string, emoji: string) =>
  as(t, who).delete(url(c, m, `reactions/${encodeURIComponent(emoji)}`));
const pin = (t: TestApp, who: Person, c: string, m: string) =>
  t.http.put(url(c, m, 'pin')).auth(who.token, { type: 'bearer' });
const unpin = (t: TestApp, who: Person, c: string, m: string) =>
  as(t, who).delete(url(c, m, 'pin'));
const pins = (t: TestApp, who: Person, c: string) => as(t, who).get(`/api/conversations/${c}/pins`);

/** What every member sees of a conversation, whoever asks (their own watermark aside). */
const shared = (c: ConversationView) => ({
  title: c.title,
  members: c.members.map((m) => ({ id: m.id, displayName: m.displayName })),
  memberCount: c.memberCount,
  formerMembers: c.formerMembers.map((m) => ({ id: m.id, leftAtSeq: m.leftAtSeq })),
});

describe('change stream: reactions, pins, renames and members reach a member who was away', () => {
  let t: TestApp, alice: Person;
  demoSuite(SEND_FREELY, (suite) => ({ t, alice } = suite));

  it('gives an offline member, from one sync, exactly what an online member holds', async () => {
    const [ann, ben, cleo, dan, eve] = await freshTenant(
      t,
      'Ann Chef',
      'Ben Sapeur',
      'Cleo Caporal',
      'Dan Adjudant',
      'Eve Lieutenant',
    );
    const group = await createGroup(t, ann!, [ben!, cleo!, dan!], 'Garde');
    const first = await send(t, ann!, group.id, 'Départ 7 h');
    const second = await send(t, ann!, group.id, 'Prévoir les ARI');
    const third = await send(t, cleo!, group.id, 'Bien reçu');

    // Ben loads the history and the conversation, then goes away (no socket).
    const benCopy = new Copy();
    const page = await history(t, ben!, group.id);
    page.items.forEach((m) => benCopy.take(m));
    let benConversation = await conversationOf(t, ben!, group.id);

    // Cleo stays online and applies what she is sent live.
    const cleoSocket = await socketOf(t, cleo!);
    const cleoCopy = new Copy();
    page.items.forEach((m) => cleoCopy.take(m));
    for (const event of ['message:new', 'message:updated', 'message:deleted'] as const)
      cleoSocket.socket.on(event, (m: MessageView) => cleoCopy.take(m));
    let cleoConversation = await conversationOf(t, cleo!, group.id);
    cleoSocket.socket.on('conversation:updated', (c) => {
      if (c.id === group.id) cleoConversation = c;
    });

    await as(t, ann!)
      .patch(`/api/conversations/${group.id}/messages/${first.id}`)
      .send({ body: 'Départ 6 h 30' })
      .expect(200);
    await as(t, ann!).delete(`/api/conversations/${group.id}/messages/${second.id}`).expect(200);
    await react(t, cleo!, group.id, first.id, '👍').expect(200);
    await react(t, ann!, group.id, first.id, '👍').expect(200);
    await react(t, ben!, group.id, first.id, '🚒').expect(200);
    await unreact(t, ben!, group.id, first.id, '🚒').expect(200);
    await react(t, ann!, group.id, third.id, '❤️').expect(200);
    await pin(t, ann!, group.id, first.id).expect(200);
    await pin(t, ann!, group.id, third.id).expect(200);
    await unpin(t, cleo!, group.id, third.id).expect(200);
    await as(t, ann!)
      .patch(`/api/conversations/${group.id}`)
      .send({ title: 'Garde de nuit' })
      .expect(200);
    await as(t, ann!).delete(`/api/conversations/${group.id}/members/${dan!.id}`).expect(204);
    await as(t, ann!)
      .post(`/api/conversations/${group.id}/members`)
      .send({ userIds: [eve!.id] })
      .expect(201);
    // The last change's events: the note of Eve's arrival, then the conversation with her in it.
    await cleoSocket.waitFor('message:new', (m) => m.note?.type === 'added');
    await cleoSocket.waitFor('conversation:updated', (c) =>
      c.members.some((m) => m.id === eve!.id),
    );
    await cleoSocket.waitForCount('message:updated', 9);

    // Ben comes back: one sync from his cursors.
    const benSocket = await socketOf(t, ben!);
    const result = await benSocket.ok('sync', {
      cursors: { [group.id]: benCopy.lastSeq },
      changes: { [group.id]: page.lastChange! },
    });
    const synced = result.conversations[group.id] as SyncPage;
    synced.items.forEach((m) => benCopy.take(m));
    synced.changed.forEach((m) => benCopy.take(m));
    expect(synced.conversation).toBeDefined();
    // The conversation comes whole when its title or members changed; otherwise his stands.
    benConversation = synced.conversation ?? benConversation;

    // Field by field: Ben's copy is Cleo's, and both are what the server holds now.
    const now = await history(t, ann!, group.id);
    expect(benCopy.messages).toEqual(cleoCopy.messages);
    expect(benCopy.messages).toEqual(now.items);
    expect(shared(benConversation)).toEqual(shared(cleoConversation));
    expect(shared(benConversation)).toEqual(shared(await conversationOf(t, ann!, group.id)));
    expect(synced.lastChange).toBe(now.lastChange);

    const held = (id: string) => benCopy.messages.find((m) => m.id === id)!;
    expect(held(first.id)).toMatchObject({
      body: 'Départ 6 h 30',
      reactions: [{ emoji: '👍', userIds: [cleo!.id, ann!.id] }],
      pinnedAt: expect.any(String),
      pinnedBy: ann!.id,
    });
    expect(held(second.id)).toMatchObject({
      body: '',
      deletedAt: expect.any(String),
      reactions: [],
    });
    expect(held(third.id)).toMatchObject({
      reactions: [{ emoji: '❤️', userIds: [ann!.id] }],
      pinnedAt: null,
      pinnedBy: null,
    });
    // The group's changes, as notes in the timeline, in the order they happened.
    expect(benCopy.messages.filter((m) => m.note).map((m) => [m.senderId, m.note])).toEqual([
      [ann!.id, { type: 'renamed', title: 'Garde de nuit' }],
      [ann!.id, { type: 'removed', userId: dan!.id }],
      [ann!.id, { type: 'added', userIds: [eve!.id], count: 1 }],
    ]);
    expect(benConversation.title).toBe('Garde de nuit');
    expect(benConversation.members.map((m) => m.id).sort()).toEqual(
      [ann!.id, ben!.id, cleo!.id, eve!.id].sort(),
    );
    expect(benConversation.formerMembers.map((m) => m.id)).toEqual([dan!.id]);
    // The pinned list is what the copies say is pinned.
    const pinned = (await pins(t, ben!, group.id).expect(200)).body as MessageView[];
    expect(pinned).toEqual([held(first.id)]);

    // Asked again from the new cursor, nothing more, and no conversation.
    const again = (
      await benSocket.ok('sync', {
        cursors: { [group.id]: benCopy.lastSeq },
        changes: { [group.id]: synced.lastChange },
      })
    ).conversations[group.id] as SyncPage;
    expect(again).toEqual({ items: [], changed: [], hasMore: false, lastChange: now.lastChange });
  });

  it('hears reactions and pins live, over the socket as over REST, once per real change', async () => {
    const [ann, ben] = await freshTenant(t, 'Ann Chef', 'Ben Sapeur');
    const group = await createGroup(t, ann!, [ben!]);
    const sent = await send(t, ann!, group.id, 'Feu de broussailles');
    const benSocket = await socketOf(t, ben!);
    const annSocket = await socketOf(t, ann!);

    const reacted = await annSocket.ok('message:react', {
      conversationId: group.id,
      messageId: sent.id,
      emoji: '👍🏽',
      reacted: true,
    });
    expect(reacted.reactions).toEqual([{ emoji: '👍🏽', userIds: [ann!.id] }]);
    const heard = await benSocket.waitFor('message:updated', (m) => m.id === sent.id);
    expect(heard).toEqual(reacted);

    // The same reaction again changes nothing: same version, same change counter, no event.
    const counter = (await history(t, ann!, group.id)).lastChange;
    const again = (await react(t, ann!, group.id, sent.id, '👍🏽').expect(200)).body as MessageView;
    expect(again.changeSeq).toBe(reacted.changeSeq);
    await benSocket.expectNoneSoFar('message:updated', (m) => m.changeSeq > reacted.changeSeq);
    // A pin and an unpin are two versions; unpinning again is none.
    await pin(t, ann!, group.id, sent.id).expect(200);
    await unpin(t, ann!, group.id, sent.id).expect(200);
    await unpin(t, ann!, group.id, sent.id).expect(200);
    expect((await history(t, ann!, group.id)).lastChange).toBe(counter! + 2);

    const pinned = await benSocket.ok('message:pin', {
      conversationId: group.id,
      messageId: sent.id,
      pinned: true,
    });
    expect(pinned).toMatchObject({ pinnedBy: ben!.id, reactions: reacted.reactions });
    await annSocket.waitFor('message:updated', (m) => m.pinnedBy === ben!.id);

    // A timeline note takes no reaction.
    await as(t, ann!).patch(`/api/conversations/${group.id}`).send({ title: 'Secteur 4' });
    const note = (await history(t, ben!, group.id)).items.find((m) => m.note)!;
    expect(note).toMatchObject({ body: '', note: { type: 'renamed', title: 'Secteur 4' } });
    await react(t, ben!, group.id, note.id, '👍').expect(409);
  });

  it('answers 404 to another tenant and to a non-member, and changes nothing', async () => {
    const [ann, ben, cleo] = await freshTenant(t, 'Ann Chef', 'Ben Sapeur', 'Cleo Caporal');
    const group = await createGroup(t, ann!, [ben!]);
    const sent = await send(t, ann!, group.id, 'Réservé au binôme');
    await react(t, ben!, group.id, sent.id, '👍').expect(200);
    await pin(t, ben!, group.id, sent.id).expect(200);
    const before = await history(t, ann!, group.id);

    for (const outsider of [cleo!, alice]) {
      await react(t, outsider, group.id, sent.id, '🔥').expect(404);
      await unreact(t, outsider, group.id, sent.id, '👍').expect(404);
      await pin(t, outsider, group.id, sent.id).expect(404);
      await unpin(t, outsider, group.id, sent.id).expect(404);
      await pins(t, outsider, group.id).expect(404);
      const socket = await socketOf(t, outsider);
      for (const [event, input] of [
        [
          'message:react',
          { conversationId: group.id, messageId: sent.id, emoji: '🔥', reacted: true },
        ],
        ['message:pin', { conversationId: group.id, messageId: sent.id, pinned: false }],
      ] as const) {
        expect(await socket.emit(event, input)).toMatchObject({
          ok: false,
          error: { code: 'not_found' },
        });
      }
    }
    // A message of another conversation, named with this one's id: 404 too.
    const other = await createGroup(t, ann!, [cleo!]);
    const elsewhere = await send(t, ann!, other.id, 'Ailleurs');
    await react(t, ben!, group.id, elsewhere.id, '🔥').expect(404);
    await pin(t, ben!, group.id, elsewhere.id).expect(404);

    expect(await history(t, ann!, group.id)).toEqual(before);
    expect((await history(t, ann!, other.id)).items.at(-1)).toMatchObject({
      reactions: [],
      pinnedAt: null,
    });
  });

  it('refuses bad input with a 400 naming the field, and changes nothing', async () => {
    const [ann, ben] = await freshTenant(t, 'Ann Chef', 'Ben Sapeur');
    const group = await createGroup(t, ann!, [ben!]);
    const sent = await send(t, ann!, group.id, 'Message');
    const before = await history(t, ann!, group.id);
    // Beside the emoji: digits, tag characters (invisible), a second emoji, a letter, a joiner.
    const besideAnEmoji = ['👍2026', '👍\u{E0041}\u{E0042}', '👍👍', 'a👍', '👍\u200d'];
    for (const emoji of [
      'ok',
      ':+1:',
      '👍'.repeat(20),
      42,
      ['👍'],
      null,
      '',
      '👍 ',
      ...besideAnEmoji,
    ]) {
      const res = await react(t, ben!, group.id, sent.id, emoji as string).expect(400);
      expect(res.body.fields).toHaveProperty('emoji');
    }
    for (const emoji of ['ok', ':+1:', '👍'.repeat(20), '42', '👍 ', ...besideAnEmoji]) {
      const res = await unreact(t, ben!, group.id, sent.id, emoji).expect(400);
      expect(res.body.fields).toHaveProperty('emoji');
    }
    await as(t, ben!)
      .post(url(group.id, sent.id, 'reactions'))
      .send({})
      .expect(400);
    await pin(t, ben!, group.id, 'not-an-id').expect(400);
    await pins(t, ben!, 'not-an-id').expect(400);
    const socket = await socketOf(t, ben!);
    for (const input of [
      { conversationId: group.id, messageId: sent.id, emoji: '👍', reacted: 'yes' },
      { conversationId: group.id, messageId: sent.id, emoji: 'x'.repeat(100), reacted: true },
      { conversationId: group.id, messageId: sent.id, emoji: '👍2026', reacted: true },
      { conversationId: 'nope', messageId: sent.id, emoji: '👍', reacted: true },
    ]) {
      expect(await socket.emit('message:react', input)).toMatchObject({
        ok: false,
        error: { code: 'validation_failed' },
      });
    }
    expect(
      await socket.emit('message:pin', { conversationId: group.id, messageId: sent.id, pinned: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await history(t, ann!, group.id)).toEqual(before);
  });

  it('stores one spelling of an emoji: with or without U+FE0F, one reaction', async () => {
    const [ann, ben, cleo] = await freshTenant(t, 'Ann Chef', 'Ben Sapeur', 'Cleo Infirmière');
    const group = await createGroup(t, ann!, [ben!, cleo!]);
    const sent = await send(t, ann!, group.id, 'Message');
    await react(t, ann!, group.id, sent.id, '👍\uFE0F').expect(200);
    await react(t, ben!, group.id, sent.id, '👍').expect(200);
    const socket = await socketOf(t, cleo!);
    const ack = await socket.emit('message:react', {
      conversationId: group.id,
      messageId: sent.id,
      emoji: '\u2764',
      reacted: true,
    });
    expect(ack).toMatchObject({ ok: true });
    expect((await history(t, ann!, group.id)).items.at(-1)!.reactions).toEqual([
      { emoji: '👍', userIds: [ann!.id, ben!.id] },
      { emoji: '\u2764\uFE0F', userIds: [cleo!.id] },
    ]);
    await unreact(t, ann!, group.id, sent.id, '👍\uFE0F').expect(200);
    expect((await history(t, ann!, group.id)).items.at(-1)!.reactions).toEqual([
      { emoji: '👍', userIds: [ben!.id] },
      { emoji: '\u2764\uFE0F', userIds: [cleo!.id] },
    ]);
  });
});
