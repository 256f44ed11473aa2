import type { LoginResponse, TokenPair } from '@mindsp/contracts';
import { login, startApp, type TestApp } from './app';
import { closeSockets, connectError, connectSocket } from './sockets';

/**
 * Ending a session ends it everywhere: its sockets on every API instance close within seconds,
 * and its access tokens stop working on REST and socket connect. Other sessions of the same
 * user go on.
 */
describe('session revocation over two API instances', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    [a, b] = await Promise.all([startApp(), startApp()]);
  });
  afterEach(() => closeSockets());
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  const signIn = () => login(a.http, 'demo', 'carol@demo.test');
  const me = (t: TestApp, accessToken: string) =>
    t.http.get('/api/auth/me').auth(accessToken, { type: 'bearer' });

  /** What must hold once `ended` is over and `other` is not. */
  async function expectEnded(accessTokens: string[], other: LoginResponse) {
    for (const token of accessTokens) {
      await me(a, token).expect(401);
      await me(b, token).expect(401);
      expect(await connectError(a.url, { token })).toBe('unauthorized');
      expect(await connectError(b.url, { token })).toBe('unauthorized');
    }
    await me(a, other.accessToken).expect(200);
    await me(b, other.accessToken).expect(200);
  }

  it('closes the sockets of a session on both instances at logout, and only those', async () => {
    const [ended, other] = [await signIn(), await signIn()];
    const [endedOnA, endedOnB, otherOnB] = await Promise.all([
      connectSocket(a.url, ended.accessToken),
      connectSocket(b.url, ended.accessToken),
      connectSocket(b.url, other.accessToken),
    ]);

    await a.http.post('/api/auth/logout').send({ refreshToken: ended.refreshToken }).expect(204);

    const reasons = await Promise.all([endedOnA.disconnected(5000), endedOnB.disconnected(5000)]);
    expect(reasons).toEqual(['io server disconnect', 'io server disconnect']);
    await expectEnded([ended.accessToken], other);
    expect(otherOnB.connected).toBe(true);
    expect((await otherOnB.emit('sync', { cursors: {} })).ok).toBe(true);
  });

  it('ends the whole family when a used refresh token comes back: sockets, old and new access tokens', async () => {
    const [copied, other] = [await signIn(), await signIn()];
    const rotated = (
      await b.http.post('/api/auth/refresh').send({ refreshToken: copied.refreshToken }).expect(200)
    ).body as TokenPair;
    const [oldOnA, newOnB, otherOnA] = await Promise.all([
      connectSocket(a.url, copied.accessToken),
      connectSocket(b.url, rotated.accessToken),
      connectSocket(a.url, other.accessToken),
    ]);

    // The first refresh token, presented again: it was copied.
    await a.http.post('/api/auth/refresh').send({ refreshToken: copied.refreshToken }).expect(401);

    const reasons = await Promise.all([oldOnA.disconnected(5000), newOnB.disconnected(5000)]);
    expect(reasons).toEqual(['io server disconnect', 'io server disconnect']);
    await expectEnded([copied.accessToken, rotated.accessToken], other);
    await b.http.post('/api/auth/refresh').send({ refreshToken: rotated.refreshToken }).expect(401);
    expect(otherOnA.connected).toBe(true);
    expect((await otherOnA.emit('sync', { cursors: {} })).ok).toBe(true);
  });
});
