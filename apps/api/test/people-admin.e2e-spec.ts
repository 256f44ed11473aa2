import type { LoginResponse, MessageView, UserSummary } from '@mindsp/contracts';
import { login, type TestApp } from './app';
import {
  as,
  createGroup,
  demoSuite,
  freshTenant,
  history,
  send,
  SEND_FREELY,
  type Person,
} from './messaging';
import { connectSocket } from './sockets';

/** Profiles (name, role, status, last seen), one's own name and status, and deactivation by an admin. */
describe('people: profiles and administration', () => {
  let t: TestApp;
  demoSuite(SEND_FREELY, (suite) => ({ t } = suite));

  const deactivate = (admin: Person, who: { id: string }) =>
    as(t, admin).post(`/api/users/${who.id}/deactivate`);
  const reactivate = (admin: Person, who: { id: string }) =>
    as(t, admin).post(`/api/users/${who.id}/reactivate`);
  const profile = async (viewer: Person, who: { id: string }) =>
    (await as(t, viewer).get(`/api/users/${who.id}`).expect(200)).body as UserSummary;

  /** Signs in with the fixture password; the whole session (tokens and user). */
  const signInAs = (slug: string, first: string) => login(t.http, slug, `${first}@${slug}.test`);
  const slugOf = async (who: Person) =>
    (
      (await t.db.query(`SELECT slug FROM tenants WHERE id = $1`, [who.tenantId]))[0] as {
        slug: string;
      }
    ).slug;

  it('shows a profile with role, status and last seen, and lets people edit their own', async () => {
    const [ada, ben] = await freshTenant(t, 'Ada Admin', 'Ben Member');
    const [other] = await freshTenant(t, 'Oscar Other');

    const updated = (
      await as(t, ben)
        .patch('/api/users/me')
        .send({ displayName: '  Ben Durand ', statusText: 'En intervention' })
        .expect(200)
    ).body as UserSummary;
    expect(updated).toMatchObject({
      id: ben!.id,
      displayName: 'Ben Durand',
      statusText: 'En intervention',
      role: 'member',
      active: true,
    });
    expect(await profile(ada!, ben!)).toMatchObject({
      displayName: 'Ben Durand',
      statusText: 'En intervention',
      role: 'member',
      online: false,
      lastSeenAt: null,
    });
    expect(await profile(ben!, ada!)).toMatchObject({ role: 'admin', statusText: null });

    // A blank status clears it; the name stays.
    await as(t, ben!).patch('/api/users/me').send({ statusText: 'Disponible' }).expect(200);
    await as(t, ben!).patch('/api/users/me').send({ statusText: ' \u200b ' }).expect(200);
    expect(await profile(ada!, ben!)).toMatchObject({
      displayName: 'Ben Durand',
      statusText: null,
    });

    // Bounded, and never blank for a name.
    for (const [changes, field] of [
      [{ statusText: 'x'.repeat(141) }, 'statusText'],
      [{ displayName: '   ' }, 'displayName'],
      [{ displayName: 'x'.repeat(101) }, 'displayName'],
    ] as const) {
      const res = await as(t, ben!).patch('/api/users/me').send(changes);
      expect({ status: res.status, fields: Object.keys(res.body.fields ?? {}) }).toEqual({
        status: 400,
        fields: [field],
      });
    }
    // Someone of another organisation is not found.
    await as(t, other!).get(`/api/users/${ben!.id}`).expect(404);
    await as(t, ben!).get(`/api/users/${other!.id}`).expect(404);
  });

  it('deactivation refuses sign-in and refresh, closes sockets at once, and keeps messages', async () => {
    const [ada, ben] = await freshTenant(t, 'Ada Admin', 'Ben Member');
    const slug = await slugOf(ada!);
    const group = await createGroup(t, ada!, [ben!], 'Équipe');
    const kept: MessageView = await send(t, ben!, group.id, 'Message de Ben avant son départ');

    const session: LoginResponse = await signInAs(slug, 'ben');
    const socket = await connectSocket(t.url, session.accessToken);
    const otherTab = await connectSocket(t.url, ben!.token);
    expect(socket.connected && otherTab.connected).toBe(true);

    // Listened for before the deactivation: the server closes them while answering it.
    const closed = Promise.all([socket.disconnected(5000), otherTab.disconnected(5000)]);
    const res = await deactivate(ada!, ben!).expect(200);
    expect(res.body).toMatchObject({ id: ben!.id, active: false });
    // Both of his open sockets close now, not at their token's expiry.
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);

    await t.http
      .post('/api/auth/login')
      .send({ tenant: slug, email: `ben@${slug}.test`, password: 'demo1234' })
      .expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    await as(t, { ...ben!, token: session.accessToken })
      .get('/api/conversations')
      .expect(401);
    await as(t, ben!).get('/api/conversations').expect(401);

    // His messages stay, under his name.
    expect((await history(t, ada!, group.id)).items).toEqual([kept]);
    expect(await profile(ada!, ben!)).toMatchObject({
      displayName: 'Ben Member',
      active: false,
    });

    // Reactivated, he signs in again and finds his conversation.
    expect((await reactivate(ada!, ben!).expect(200)).body).toMatchObject({ active: true });
    const back = await signInAs(slug, 'ben');
    await as(t, { ...ben!, token: back.accessToken })
      .get(`/api/conversations/${group.id}`)
      .expect(200);
    const refreshed = await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: back.refreshToken })
      .expect(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));
  });

  it('answers 403 to a member, 404 across tenants, 409 to an admin deactivating themselves', async () => {
    const [ada, ben, cleo] = await freshTenant(t, 'Ada Admin', 'Ben Member', 'Cleo Member');
    const [otherAdmin] = await freshTenant(t, 'Olga Admin');

    for (const call of [deactivate(ben!, cleo!), reactivate(ben!, cleo!)]) {
      const res = await call.expect(403);
      expect(res.body.message).toMatch(/administrators/);
    }
    await deactivate(otherAdmin!, cleo!).expect(404);
    await deactivate(ada!, otherAdmin!).expect(404);
    await deactivate(ada!, ada!).expect(409);
    await deactivate(ada!, { id: 'cleo' }).expect(400);
    // Nothing changed: everyone still signs in.
    const slug = await slugOf(ada!);
    for (const first of ['ada', 'ben', 'cleo']) await signInAs(slug, first);
    expect(await profile(ada!, cleo!)).toMatchObject({ active: true });
  });
});
