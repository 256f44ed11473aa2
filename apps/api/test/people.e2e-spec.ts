import type { LoginResponse, UserSummary } from '@mindsp/contracts';
import { User } from '../src/users/user.entity';
import { login, startApp, type TestApp } from './app';

describe('users', () => {
  let t: TestApp;
  let alice: LoginResponse;
  let bob: LoginResponse;
  let dave: LoginResponse;

  beforeAll(async () => {
    t = await startApp();
    [alice, bob, dave] = await Promise.all([
      login(t.http, 'demo', 'alice@demo.test'),
      login(t.http, 'demo', 'bob@demo.test'),
      login(t.http, 'other', 'dave@other.test'),
    ]);
  });
  afterAll(() => t.close());

  const list = (session: LoginResponse, query: Record<string, string | number> = {}) =>
    t.http.get('/api/users').query(query).auth(session.accessToken, { type: 'bearer' });

  it('lists only the caller’s tenant, both ways', async () => {
    const demo = (await list(alice).expect(200)).body.items as UserSummary[];
    expect(demo.map((u) => u.email)).toEqual([
      'alice@demo.test',
      'bob@demo.test',
      'carol@demo.test',
    ]);
    expect(JSON.stringify(demo)).not.toContain('dave@other.test');

    const other = (await list(dave).expect(200)).body.items as UserSummary[];
    expect(other.map((u) => u.email)).toEqual(['dave@other.test']);
    // Searching for the other tenant's people finds nobody.
    expect((await list(dave, { q: 'alice' }).expect(200)).body.items).toEqual([]);
    expect((await list(alice, { q: 'dave' }).expect(200)).body.items).toEqual([]);
  });

  it('never exposes password hashes', async () => {
    const res = await list(alice).expect(200);
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon2/i);
  });

  it('matches name or email ignoring case and accents, with LIKE characters taken literally', async () => {
    await t.http
      .post('/api/users')
      .auth(alice.accessToken, { type: 'bearer' })
      .send({ email: 'helene@demo.test', displayName: 'Hélène Lefèvre', password: 'password-1234' })
      .expect(201);
    const names = async (q: string) =>
      ((await list(bob, { q }).expect(200)).body.items as UserSummary[]).map((u) => u.displayName);
    expect(await names('LEFEVRE')).toEqual(['Hélène Lefèvre']);
    expect(await names('hélène')).toEqual(['Hélène Lefèvre']);
    expect(await names('helene@')).toEqual(['Hélène Lefèvre']);
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
    expect(await names("' OR 1=1--")).toEqual([]);
  });

  it('pages through the tenant with a cursor', async () => {
    const first = (await list(alice, { limit: 2 }).expect(200)).body;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await list(alice, { limit: 2, cursor: first.nextCursor }).expect(200)).body;
    const all = (await list(alice).expect(200)).body.items as UserSummary[];
    expect([...first.items, ...second.items].map((u: UserSummary) => u.id)).toEqual(
      all.slice(0, 4).map((u) => u.id),
    );
    await list(alice, { cursor: 'not-a-cursor' }).expect(400);
    const forged = Buffer.from(JSON.stringify(['Alice', 'not-a-uuid'])).toString('base64url');
    expect((await list(alice, { cursor: forged }).expect(400)).body.fields).toEqual({
      cursor: ['cursor is not valid'],
    });
    expect((await list(alice, { q: 'a\u0000b' }).expect(400)).body.fields).toHaveProperty('q');
  });

  it('answers 403 to a member on an admin route, and creates nothing', async () => {
    const before = await t.db.getRepository(User).count();
    const res = await t.http
      .post('/api/users')
      .auth(bob.accessToken, { type: 'bearer' })
      .send({
        email: 'mallory@demo.test',
        displayName: 'Mallory',
        password: 'password-1234',
        role: 'admin',
      })
      .expect(403);
    expect(res.body.message).toMatch(/administrators/);
    expect(await t.db.getRepository(User).count()).toBe(before);
  });

  it('lets an admin add a person to their own tenant only', async () => {
    const res = await t.http
      .post('/api/users')
      .auth(dave.accessToken, { type: 'bearer' })
      .send({ email: 'erin@other.test', displayName: 'Erin', password: 'password-1234' })
      .expect(201);
    const created = await t.db.getRepository(User).findOneByOrFail({ id: res.body.id });
    expect(created.tenantId).toBe(dave.user.tenantId);
    await t.http
      .post('/api/users')
      .auth(dave.accessToken, { type: 'bearer' })
      .send({ email: 'ERIN@other.test', displayName: 'Erin again', password: 'password-1234' })
      .expect(409);
  });
});

describe('bad input', () => {
  let t: TestApp;
  let alice: LoginResponse;
  beforeAll(async () => {
    t = await startApp();
    alice = await login(t.http, 'demo', 'alice@demo.test');
  });
  afterAll(() => t.close());

  const countUsers = () => t.db.getRepository(User).count();
  const create = (body: string | object) =>
    t.http
      .post('/api/users')
      .auth(alice.accessToken, { type: 'bearer' })
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  const valid = { email: 'frank@demo.test', displayName: 'Frank', password: 'password-1234' };

  it('an unknown field is a 400 that names it, and changes nothing', async () => {
    const before = await countUsers();
    const res = await create({ ...valid, tenantId: 'someone-else' }).expect(400);
    expect(res.body.fields).toEqual({ tenantId: ['property tenantId should not exist'] });
    expect(await countUsers()).toBe(before);
  });

  it('a wrong-typed field is a 400 that names it, and changes nothing', async () => {
    const before = await countUsers();
    const res = await create({ ...valid, displayName: 42 }).expect(400);
    expect(Object.keys(res.body.fields)).toEqual(['displayName']);
    const missing = await create({ email: 'frank@demo.test' }).expect(400);
    expect(Object.keys(missing.body.fields).sort()).toEqual(['displayName', 'password']);
    expect(await countUsers()).toBe(before);
  });

  it('malformed JSON is a 400, and changes nothing', async () => {
    const before = await countUsers();
    const res = await create('{"email": "frank@demo.test",').expect(400);
    expect(res.body.message).toMatch(/JSON/i);
    expect(await countUsers()).toBe(before);
  });

  it('a body over 100 kB is a 413, and changes nothing', async () => {
    const before = await countUsers();
    const res = await create({ ...valid, displayName: 'x'.repeat(101 * 1024) }).expect(413);
    expect(res.body.statusCode).toBe(413);
    expect(await countUsers()).toBe(before);
  });

  it('a wrong-typed login is a 400, never a 500', async () => {
    await t.http
      .post('/api/auth/login')
      .send({ tenant: ['demo'], email: 'alice@demo.test', password: 1 })
      .expect(400);
    await t.http.post('/api/auth/login').send({}).expect(400);
    await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: { $ne: null } })
      .expect(400);
    await t.http
      .get('/api/users')
      .query({ limit: 'lots' })
      .auth(alice.accessToken, { type: 'bearer' })
      .expect(400);
    await t.http
      .get('/api/users')
      .query({ limit: 1000 })
      .auth(alice.accessToken, { type: 'bearer' })
      .expect(400);
  });
});

describe('request rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ REQUEST_LIMIT: '5', REQUEST_WINDOW: '60' });
  });
  afterAll(() => t.close());

  it('answers 429 past the requests one user may make, per user, and never on health', async () => {
    const [bob, carol] = [
      await login(t.http, 'demo', 'bob@demo.test'),
      await login(t.http, 'demo', 'carol@demo.test'),
    ];
    const users = (session: LoginResponse) =>
      t.http.get('/api/users').auth(session.accessToken, { type: 'bearer' });
    for (let i = 0; i < 5; i++) await users(bob).expect(200);
    const refused = await users(bob).expect(429);
    expect(refused.body.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    // Carol, behind the same address, has her own budget.
    await users(carol).expect(200);
    for (let i = 0; i < 10; i++) await t.http.get('/api/health').expect(200);
  });
});
