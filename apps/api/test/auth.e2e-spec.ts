import { PasswordHasherService } from '../src/users/password-hasher.service';
import { RefreshToken } from '../src/auth/refresh-token.entity';
import { randomInt, randomUUID } from 'node:crypto';
import { badAccessTokens, login, resetLoginLimits, startApp, type TestApp } from './app';
import { tenantNamed } from './messaging';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('signs in with organisation, email and password', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .send({ tenant: 'demo', email: 'Alice@Demo.test', password: 'demo1234' })
      .expect(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: {
        id: expect.any(String),
        tenantId: expect.any(String),
        email: 'alice@demo.test',
        displayName: 'Alice Martin',
        role: 'admin',
        locale: 'fr',
      },
    });
    const me = await t.http
      .get('/api/auth/me')
      .auth(res.body.accessToken, { type: 'bearer' })
      .expect(200);
    expect(me.body).toEqual(res.body.user);
  });

  it('answers the same 401 for a wrong tenant, an unknown email and a wrong password', async () => {
    const attempts = [
      { tenant: 'nowhere', email: 'alice@demo.test', password: 'demo1234' },
      { tenant: 'demo', email: 'nobody@demo.test', password: 'demo1234' },
      { tenant: 'demo', email: 'alice@demo.test', password: 'wrong-password' },
      // dave exists, but in another tenant
      { tenant: 'demo', email: 'dave@other.test', password: 'demo1234' },
    ];
    const bodies = [];
    for (const attempt of attempts) {
      const res = await t.http.post('/api/auth/login').send(attempt).expect(401);
      bodies.push(res.body);
    }
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(bodies[0]).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Invalid organisation, email or password',
      code: 'unauthorized',
    });
  });

  it('rotates the refresh token, and a reused one revokes the whole family', async () => {
    const first = await login(t.http, 'demo', 'bob@demo.test');
    const second = await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    await t.http.get('/api/auth/me').auth(second.body.accessToken, { type: 'bearer' }).expect(200);

    // The rotated token, presented again: reuse. It fails, and so does its successor.
    const reuse = await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect(reuse.body.message).toMatch(/already used/);
    await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: second.body.refreshToken })
      .expect(401);

    // Another session of the same user is untouched.
    const other = await login(t.http, 'demo', 'bob@demo.test');
    await t.http.post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(200);
  });

  it('refuses forged and malformed refresh tokens', async () => {
    const { refreshToken } = await login(t.http, 'demo', 'carol@demo.test');
    const [id] = refreshToken.split('.');
    for (const forged of [
      `${id}.not-the-secret`,
      'garbage',
      `${id}.a.b`,
      '00000000-0000-0000-0000-000000000000.x',
    ]) {
      await t.http.post('/api/auth/refresh').send({ refreshToken: forged }).expect(401);
    }
    // The real one still works: a forged attempt is not a reuse.
    await t.http.post('/api/auth/refresh').send({ refreshToken }).expect(200);
  });

  it('logs out: the refresh token stops working', async () => {
    const session = await login(t.http, 'demo', 'carol@demo.test');
    await t.http.post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    const revoked = await t.db
      .getRepository(RefreshToken)
      .findOneByOrFail({ id: session.refreshToken.split('.')[0] });
    expect(revoked.revokedAt).not.toBeNull();
  });

  it('refuses an expired access token, a forged one and alg none', async () => {
    const session = await login(t.http, 'demo', 'alice@demo.test');
    const { expired, forged, algNone } = await badAccessTokens(t, session.accessToken);
    for (const token of [expired, forged, algNone, 'not-a-jwt']) {
      await t.http.get('/api/auth/me').auth(token, { type: 'bearer' }).expect(401);
    }
    await t.http.get('/api/auth/me').expect(401);
  });

  it('refuses a 2 kB password before hashing it', async () => {
    const verify = jest.spyOn(PasswordHasherService.prototype, 'verify');
    const hash = jest.spyOn(PasswordHasherService.prototype, 'hash');
    try {
      const res = await t.http
        .post('/api/auth/login')
        .send({ tenant: 'demo', email: 'alice@demo.test', password: 'x'.repeat(2048) })
        .expect(400);
      expect(res.body.fields.password).toEqual([
        'password must be shorter than or equal to 1024 characters',
      ]);
      expect(verify).not.toHaveBeenCalled();
      expect(hash).not.toHaveBeenCalled();
    } finally {
      verify.mockRestore();
      hash.mockRestore();
    }
  });

  it('changes the language of the signed-in user', async () => {
    const session = await login(t.http, 'demo', 'carol@demo.test');
    const res = await t.http
      .patch('/api/auth/me')
      .auth(session.accessToken, { type: 'bearer' })
      .send({ locale: 'en' })
      .expect(200);
    expect(res.body.locale).toBe('en');
    await t.http
      .patch('/api/auth/me')
      .auth(session.accessToken, { type: 'bearer' })
      .send({ locale: 'de' })
      .expect(400);
    await t.http
      .patch('/api/auth/me')
      .auth(session.accessToken, { type: 'bearer' })
      .send({ locale: 'fr' })
      .expect(200);
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ LOGIN_LIMIT_PER_EMAIL: '3', LOGIN_LIMIT_PER_IP: '6' });
    await resetLoginLimits(t);
  });
  // Every test signs in from 127.0.0.1: leave no block behind for the next suite.
  afterAll(async () => {
    await resetLoginLimits(t);
    await t.close();
  });

  /** Each test signs in from an address of its own (the app trusts the loopback proxy). */
  const ownAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const attempt = (ip: string, tenant: string, email: string, password: string) =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ tenant, email, password });

  it('answers 429 for an account past its failed attempts, even with the right password', async () => {
    const slug = `t-${randomUUID().slice(0, 8)}`;
    await tenantNamed(t, slug, 'Erin Owner');
    const ip = ownAddress();
    for (let i = 0; i < 3; i++)
      expect((await attempt(ip, slug, `erin@${slug}.test`, 'wrong')).status).toBe(401);
    const blocked = await attempt(ip, slug, `erin@${slug}.test`, 'demo1234');
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/Too many failed sign-in attempts/);
  });

  it('answers 429 for an IP past its failed attempts, whatever the account', async () => {
    const slug = `t-${randomUUID().slice(0, 8)}`;
    await tenantNamed(t, slug, 'Erin Owner');
    const ip = ownAddress();
    // 6 failures from one address, each on another (unknown) account: none past its own limit.
    for (let i = 0; i < 6; i++)
      expect((await attempt(ip, slug, `ghost${i}@${slug}.test`, 'x')).status).toBe(401);
    expect((await attempt(ip, slug, `erin@${slug}.test`, 'demo1234')).status).toBe(429);
    // The same account from another address: in.
    expect((await attempt(ownAddress(), slug, `erin@${slug}.test`, 'demo1234')).status).toBe(200);
  });
});
