import { MESSAGING_LIMITS, type DraftView } from '@mindsp/contracts';
import { login, type TestApp } from './app';
import { A_UUID, as, createGroup, demoSuite, send, SEND_FREELY, type Person } from './messaging';

/** Drafts: the unsent text of a conversation, kept per user on the server for all their devices. */
describe('drafts', () => {
  let t: TestApp, alice: Person, bob: Person, carol: Person, dave: Person;
  demoSuite(SEND_FREELY, (suite) => ({ t, alice, bob, carol, dave } = suite));

  const draftPath = (conversationId: string) => `/api/conversations/${conversationId}/draft`;
  const read = async (who: Person, conversationId: string) =>
    (await as(t, who).get(draftPath(conversationId)).expect(200)).body as DraftView;
  const save = (who: Person, conversationId: string, body: string) =>
    as(t, who).put(draftPath(conversationId)).send({ body });

  /** Alice on another device: a session of her own, signed in separately. */
  const aliceElsewhere = async (): Promise<Person> => {
    const session = await login(t.http, 'demo', 'alice@demo.test');
    return { ...alice, token: session.accessToken };
  };

  it('is saved by one session and read by another session of the same person', async () => {
    const group = await createGroup(t, alice, [bob]);
    expect(await read(alice, group.id)).toEqual({
      conversationId: group.id,
      body: '',
      updatedAt: null,
    });
    const saved = (await save(alice, group.id, '  Départ à 8h,\r\nprévoir les ARI  ').expect(200))
      .body as DraftView;
    expect(saved.body).toBe('Départ à 8h,\nprévoir les ARI');

    const phone = await aliceElsewhere();
    expect(await read(phone, group.id)).toEqual(saved);
    // The draft is hers alone: Bob, in the same conversation, has none.
    expect((await read(bob, group.id)).body).toBe('');

    await save(phone, group.id, 'Départ à 9h').expect(200);
    expect((await read(alice, group.id)).body).toBe('Départ à 9h');
  });

  it('is removed by a blank save, and cleared when its author sends', async () => {
    const group = await createGroup(t, alice, [bob]);
    await save(alice, group.id, 'à effacer').expect(200);
    await save(alice, group.id, '   ').expect(200);
    expect(await read(alice, group.id)).toMatchObject({ body: '', updatedAt: null });
    // Nothing visible is blank too: zero-width characters keep no draft.
    await save(alice, group.id, 'à effacer').expect(200);
    await save(alice, group.id, '\u200b\u200d\u2060\ufeff\ufe0f').expect(200);
    expect(await read(alice, group.id)).toMatchObject({ body: '', updatedAt: null });

    await save(alice, group.id, 'Message en cours').expect(200);
    await save(bob, group.id, 'Réponse de Bob en cours').expect(200);
    await send(t, alice, group.id, 'Message en cours');
    expect((await read(alice, group.id)).body).toBe('');
    // Someone else's send leaves Bob's draft alone.
    expect((await read(bob, group.id)).body).toBe('Réponse de Bob en cours');
  });

  it('answers 404 outside the conversation, in the tenant or from another', async () => {
    const group = await createGroup(t, alice, [bob]);
    await save(alice, group.id, 'secret').expect(200);
    for (const who of [carol, dave]) {
      await as(t, who).get(draftPath(group.id)).expect(404);
      await save(who, group.id, 'intrus').expect(404);
    }
    await as(t, alice).get(draftPath(A_UUID)).expect(404);
    await save(alice, A_UUID, 'nulle part').expect(404);
    expect((await read(alice, group.id)).body).toBe('secret');
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM conversation_drafts WHERE conversation_id = $1`,
      [group.id],
    );
    expect(n).toBe(1);
  });

  it('is bounded as a message body is, with a 400 naming the field', async () => {
    const group = await createGroup(t, alice, [bob]);
    const max = MESSAGING_LIMITS.bodyMaxLength;
    await save(alice, group.id, 'x'.repeat(max)).expect(200);
    for (const body of ['x'.repeat(max + 1), 'a\u0000b', 42]) {
      const res = await as(t, alice).put(draftPath(group.id)).send({ body });
      expect({ status: res.status, fields: Object.keys(res.body.fields ?? {}) }).toEqual({
        status: 400,
        fields: ['body'],
      });
    }
    expect((await read(alice, group.id)).body).toBe('x'.repeat(max));
    await as(t, alice).get(draftPath('not-a-uuid')).expect(400);
  });
});
