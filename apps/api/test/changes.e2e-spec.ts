import type { MessageView, SyncPage } from '@mindsp/contracts';
import type { TestApp } from './app';
import {
  as,
  createGroup,
  demoSuite,
  history,
  SEND_FREELY,
  send,
  socketOf,
  type Person,
} from './messaging';
import { Copy } from './client-copy';

const edit = (t: TestApp, who: Person, conversationId: string, messageId: string, body: string) =>
  as(t, who)
    .patch(`/api/conversations/${conversationId}/messages/${messageId}`)
    .send({ body })
    .expect(200);
const remove = (t: TestApp, who: Person, conversationId: string, messageId: string) =>
  as(t, who).delete(`/api/conversations/${conversationId}/messages/${messageId}`).expect(200);

describe('change stream: a member who was away catches up on every change', () => {
  let t: TestApp, alice: Person, bob: Person, carol: Person;
  demoSuite(SEND_FREELY, (suite) => ({ t, alice, bob, carol } = suite));

  it('gives an offline member, from one sync, exactly what an online member holds', async () => {
    const group = await createGroup(t, alice, [bob, carol]);
    const first = await send(t, alice, group.id, 'Départ 7 h');
    const second = await send(t, alice, group.id, 'Prévoir les ARI');
    await send(t, carol, group.id, 'Bien reçu');

    // Bob loads the history, then goes away (no socket).
    const bobCopy = new Copy();
    const page = await history(t, bob, group.id);
    page.items.forEach((m) => bobCopy.take(m));
    expect(page.lastChange).toEqual(expect.any(Number));

    // Carol stays online and applies what she is sent live.
    const carolSocket = await socketOf(t, carol);
    const carolCopy = new Copy();
    page.items.forEach((m) => carolCopy.take(m));
    for (const event of ['message:new', 'message:updated', 'message:deleted'] as const)
      carolSocket.socket.on(event, (m: MessageView) => carolCopy.take(m));

    await edit(t, alice, group.id, first.id, 'Départ 6 h 30');
    await remove(t, alice, group.id, second.id);
    const later = await send(t, alice, group.id, 'Rendez-vous au CIS');
    await edit(t, alice, group.id, later.id, 'Rendez-vous au CIS Nord');
    await carolSocket.waitForCount('message:updated', 2);
    await carolSocket.waitFor('message:deleted');

    // Bob comes back: one sync from his cursors.
    const bobSocket = await socketOf(t, bob);
    const result = await bobSocket.ok('sync', {
      cursors: { [group.id]: bobCopy.lastSeq },
      changes: { [group.id]: page.lastChange! },
    });
    const synced = result.conversations[group.id] as SyncPage;
    synced.items.forEach((m) => bobCopy.take(m));
    synced.changed.forEach((m) => bobCopy.take(m));

    // Field by field: Bob's copy is Carol's, and both are what the server holds now.
    const now = await history(t, alice, group.id);
    expect(bobCopy.messages).toEqual(carolCopy.messages);
    expect(bobCopy.messages).toEqual(now.items);
    expect(bobCopy.messages.find((m) => m.id === second.id)).toMatchObject({
      body: '',
      deletedAt: expect.any(String),
    });
    expect(bobCopy.messages.find((m) => m.id === first.id)?.body).toBe('Départ 6 h 30');
    expect(synced.lastChange).toBe(now.lastChange);
    // Only what changed comes back: the edit and the deletion of what he held, not "Bien reçu".
    expect(synced.changed.map((m) => m.id).sort()).toEqual([first.id, second.id].sort());

    // Asked again from the new cursor, nothing more.
    const again = (
      await bobSocket.ok('sync', {
        cursors: { [group.id]: bobCopy.lastSeq },
        changes: { [group.id]: synced.lastChange },
      })
    ).conversations[group.id] as SyncPage;
    expect(again).toMatchObject({ items: [], changed: [], hasMore: false });
  });

  it('numbers every version: an edit or a deletion takes a change after every earlier one', async () => {
    const group = await createGroup(t, alice, [bob]);
    const sent = await send(t, alice, group.id, 'v1');
    const edited = (await edit(t, alice, group.id, sent.id, 'v2')).body as MessageView;
    const deleted = (await remove(t, alice, group.id, sent.id)).body as MessageView;
    expect(edited.changeSeq).toBeGreaterThan(sent.changeSeq);
    expect(deleted.changeSeq).toBeGreaterThan(edited.changeSeq);
    // Deleting again answers the deletion as it was: no new version.
    const again = (await remove(t, alice, group.id, sent.id)).body as MessageView;
    expect(again.changeSeq).toBe(deleted.changeSeq);
  });

  it('still answers a sync without change cursors (older clients), with no changes', async () => {
    const group = await createGroup(t, alice, [bob]);
    const sent = await send(t, alice, group.id, 'Un');
    await edit(t, alice, group.id, sent.id, 'Un, corrigé');
    const socket = await socketOf(t, bob);
    const page = (await socket.ok('sync', { cursors: { [group.id]: 1 } })).conversations[
      group.id
    ] as SyncPage;
    expect(page).toMatchObject({ items: [], changed: [] });
  });

  it('refuses change cursors that are not a map of conversation ids to integers', async () => {
    const socket = await socketOf(t, bob);
    for (const changes of [
      { 'not-an-id': 1 },
      [],
      { '00000000-0000-4000-8000-000000000000': -1 },
    ]) {
      const ack = await socket.emit('sync', { cursors: {}, changes });
      expect(ack).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('changes') },
      });
    }
  });

  it('leaves the change counter alone when an edit is refused', async () => {
    const group = await createGroup(t, alice, [bob]);
    const sent = await send(t, alice, group.id, 'À moi');
    const before = (await history(t, alice, group.id)).lastChange;
    await as(t, bob)
      .patch(`/api/conversations/${group.id}/messages/${sent.id}`)
      .send({ body: 'Pas à toi' })
      .expect(403);
    expect((await history(t, alice, group.id)).lastChange).toBe(before);
  });
});
