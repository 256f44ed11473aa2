import type { Ack, ApiError } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { startApp, type TestApp } from './app';
import { as, createGroup, freshTenant, storedMessages, type Person } from './messaging';
import { closeSockets, connectError, connectSocket, sleep, type TestSocket } from './sockets';

/** A 429 as the contract promises it: the wait in the header and in the body, the same number. */
function expectTooManyRequests(res: Response) {
  expect(res.status).toBe(429);
  const body = res.body as ApiError;
  expect(body.retryAfterSeconds).toBeGreaterThan(0);
  expect(res.headers['retry-after']).toBe(String(body.retryAfterSeconds));
}

/** The app trusts the loopback proxy, so each test can sign in from addresses of its own. */
const fromIp = (t: TestApp, ip: string, tenant: string, email: string, password: string) =>
  t.http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ tenant, email, password });

const ipOf = (n: number) => `10.${Math.floor(Math.random() * 250)}.${n >> 8}.${n & 255}`;

/** Up to 30 password checks (argon2, slow on purpose) per test: room for a busy machine. */
const PASSWORD_CHECKS_TIMEOUT_MS = 120_000;

/** The demo users' password; freshTenant's people share it. */
const PASSWORD = 'demo1234';

/** freshTenant's sign-in address for a person (`Erin Admin` → erin@<slug>.test). */
async function accountOf(t: TestApp, who: Person) {
  const [row] = await t.db.query(
    `SELECT t.slug, u.email FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.id = $1`,
    [who.id],
  );
  return { tenant: row.slug as string, email: row.email as string };
}

describe('login limits under concurrency', () => {
  let t: TestApp;
  let owner: { tenant: string; email: string };

  beforeAll(async () => {
    t = await startApp({ LOGIN_LIMIT_PER_ACCOUNT: '1000' });
    const [erin] = await freshTenant(t, 'Erin Owner');
    owner = await accountOf(t, erin!);
  });
  afterAll(() => t.close());

  it(
    'lets at most 10 of 60 concurrent wrong passwords for one account be checked; the rest get 429 with the wait',
    async () => {
      const ip = ipOf(1);
      const answers = await Promise.all(
        Array.from({ length: 60 }, () => fromIp(t, ip, owner.tenant, owner.email, 'wrong')),
      );
      const checked = answers.filter((res) => res.status === 401);
      const refused = answers.filter((res) => res.status === 429);
      // Exactly the budget: none beyond it, and not everything refused either.
      expect({ checked: checked.length, refused: refused.length }).toEqual({
        checked: 10,
        refused: 50,
      });
      refused.forEach(expectTooManyRequests);
      // The right password from the same address waits too: that is what stops the guessing.
      expectTooManyRequests(await fromIp(t, ip, owner.tenant, owner.email, PASSWORD));
    },
    PASSWORD_CHECKS_TIMEOUT_MS,
  );

  it(
    'lets at most 30 of 100 concurrent failures from one IP be checked, whatever the accounts',
    async () => {
      const ip = ipOf(2);
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          fromIp(t, ip, owner.tenant, `nobody${i}@nowhere.test`, 'wrong'),
        ),
      );
      const checked = answers.filter((res) => res.status === 401);
      expect({ checked: checked.length, answers: answers.length }).toEqual({
        checked: 30,
        answers: 100,
      });
      answers.filter((res) => res.status !== 401).forEach(expectTooManyRequests);
      expectTooManyRequests(await fromIp(t, ip, owner.tenant, owner.email, PASSWORD));
    },
    PASSWORD_CHECKS_TIMEOUT_MS,
  );

  it(
    'does not lock the owner out when a stranger fails on their account from elsewhere',
    async () => {
      const stranger = ipOf(3);
      for (let i = 0; i < 12; i++) await fromIp(t, stranger, owner.tenant, owner.email, 'guess');
      expect((await fromIp(t, stranger, owner.tenant, owner.email, 'guess')).status).toBe(429);

      const res = await fromIp(t, ipOf(4), owner.tenant, owner.email, PASSWORD).expect(200);
      expect(res.body.user.email).toBe(owner.email);
    },
    PASSWORD_CHECKS_TIMEOUT_MS,
  );
});

describe('login ceiling per account, over many IPs', () => {
  let t: TestApp;
  let owner: { tenant: string; email: string };
  const home = ipOf(10);

  beforeAll(async () => {
    t = await startApp({
      LOGIN_LIMIT_PER_EMAIL: '3',
      LOGIN_LIMIT_PER_ACCOUNT: '6',
      LOGIN_SLOW_DOWN: '2',
    });
    const [erin] = await freshTenant(t, 'Erin Owner');
    owner = await accountOf(t, erin!);
    await fromIp(t, home, owner.tenant, owner.email, PASSWORD).expect(200);
  });
  afterAll(() => t.close());

  it(
    'slows strangers past the ceiling while the owner still signs in, from a known or a new address',
    async () => {
      // Four addresses, three guesses each: 12 failures, twice the account's ceiling.
      const strangers = [11, 12, 13, 14].map(ipOf);
      for (const ip of strangers) {
        for (let i = 0; i < 3; i++) await fromIp(t, ip, owner.tenant, owner.email, 'guess');
      }
      // Past the ceiling, the account takes one attempt per LOGIN_SLOW_DOWN from unknown addresses.
      const tries = await Promise.all(
        [15, 16, 17].map((n) => fromIp(t, ipOf(n), owner.tenant, owner.email, 'guess')),
      );
      // Sent at once: at most one is checked (none while the last stranger's wait runs), the
      // others wait.
      const slowed = tries.filter((res) => res.status === 429);
      const checked = tries.filter((res) => res.status === 401);
      expect({ checked: checked.length <= 1, total: checked.length + slowed.length }).toEqual({
        checked: true,
        total: 3,
      });
      for (const res of slowed) {
        expectTooManyRequests(res);
        expect(res.body.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(res.body.retryAfterSeconds).toBeLessThanOrEqual(2);
      }

      // From where they signed in before: straight in.
      await fromIp(t, home, owner.tenant, owner.email, PASSWORD).expect(200);
      // From a new address: at worst after the short wait the 429 names.
      const newPlace = ipOf(18);
      let res = await fromIp(t, newPlace, owner.tenant, owner.email, PASSWORD);
      if (res.status === 429) {
        expectTooManyRequests(res);
        await sleep(res.body.retryAfterSeconds * 1000);
        res = await fromIp(t, newPlace, owner.tenant, owner.email, PASSWORD);
      }
      expect(res.status).toBe(200);
    },
    PASSWORD_CHECKS_TIMEOUT_MS,
  );
});

describe('sockets per user', () => {
  let a: TestApp;
  let b: TestApp;
  let erin: Person;

  beforeAll(async () => {
    [a, b] = await Promise.all([startApp(), startApp()]);
    [erin] = (await freshTenant(a, 'Erin Admin')) as [Person];
  });
  afterEach(() => closeSockets());
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('refuses the 21st socket of a user, over both instances, with too_many_connections; the 20 work', async () => {
    const open: TestSocket[] = [];
    for (let i = 0; i < 20; i++) open.push(await connectSocket(i % 2 ? b.url : a.url, erin.token));
    expect(await connectError(a.url, { token: erin.token })).toBe('too_many_connections');
    expect(await connectError(b.url, { token: erin.token })).toBe('too_many_connections');
    for (const socket of open) expect((await socket.emit('sync', { cursors: {} })).ok).toBe(true);

    // Closing one frees its place.
    open[0]!.close();
    await sleep(200);
    await connectSocket(a.url, erin.token);
  });
});

describe('socket events per user', () => {
  let t: TestApp;
  let erin: Person;
  let frank: Person;

  beforeAll(async () => {
    t = await startApp({ SOCKET_USER_EVENT_LIMIT: '40', SOCKET_EVENT_WINDOW: '60' });
    [erin, frank] = (await freshTenant(t, 'Erin Admin', 'Frank Member')) as [Person, Person];
  });
  afterEach(() => closeSockets());
  afterAll(() => t.close());

  it('holds the per-user event limit across 4 sockets, each under the per-socket limit', async () => {
    const sockets = await Promise.all([1, 2, 3, 4].map(() => connectSocket(t.url, erin.token)));
    const acks = (
      await Promise.all(
        sockets.map((socket) =>
          Promise.all(Array.from({ length: 20 }, () => socket.emit('sync', { cursors: {} }))),
        ),
      )
    ).flat() as Ack<unknown>[];
    expect(acks.filter((ack) => ack.ok)).toHaveLength(40);
    for (const ack of acks.filter((ack) => !ack.ok)) {
      expect(ack).toEqual({
        ok: false,
        error: {
          code: 'rate_limited',
          message: expect.stringMatching(/Too many events/),
          retryAfterSeconds: expect.any(Number),
        },
      });
    }
    // Another user is not counted with erin.
    const frankSocket = await connectSocket(t.url, frank.token);
    expect((await frankSocket.emit('sync', { cursors: {} })).ok).toBe(true);
  });
});

describe('socket bytes per user', () => {
  let t: TestApp;
  let erin: Person;
  let frank: Person;

  beforeAll(async () => {
    t = await startApp({ SOCKET_EVENT_WINDOW: '60' });
    [erin, frank] = (await freshTenant(t, 'Erin Admin', 'Frank Member')) as [Person, Person];
  });
  afterEach(() => closeSockets());
  afterAll(() => t.close());

  it('refuses a flood of 900 kB events from 4 sockets with rate_limited, cuts off sockets that keep on; health and other users still answer', async () => {
    const group = await createGroup(t, erin, [frank]);
    const sockets = await Promise.all([1, 2, 3, 4].map(() => connectSocket(t.url, erin.token)));
    const big = 'x'.repeat(900 * 1024);
    const flood = Promise.all(
      sockets.flatMap((socket) =>
        Array.from({ length: 10 }, () =>
          socket
            .emit('message:send', {
              conversationId: group.id,
              clientMessageId: randomUUID(),
              body: big,
            })
            // Frames still in flight when their socket is cut off get no ack.
            .catch(() => null),
        ),
      ),
    );
    const health = await t.http.get('/api/health');
    const acks = (await flood).filter((ack) => ack !== null) as Ack<unknown>[];
    expect(health.status).toBe(200);

    // 2 MB per user per window: the first two frames are read (and refused as too large), the
    // next are refused unread; a socket that sends another 2 MB while refused is closed.
    const codes = acks.map((ack) => (ack.ok ? 'ok' : ack.error.code));
    // Each frame is billed on its own, atomically in Redis: exactly two fit in the budget.
    expect(codes.filter((code) => code === 'payload_too_large').length).toBe(2);
    expect(codes.filter((code) => code === 'rate_limited').length).toBeGreaterThanOrEqual(4);
    expect(codes.every((code) => code === 'rate_limited' || code === 'payload_too_large')).toBe(
      true,
    );
    for (const ack of acks.filter((ack) => !ack.ok && ack.error.code === 'rate_limited')) {
      expect(ack).toMatchObject({ error: { retryAfterSeconds: expect.any(Number) } });
    }
    expect(sockets.filter((socket) => socket.connected)).toHaveLength(0);
    expect(await storedMessages(t, group.id)).toEqual([]);

    const frankSocket = await connectSocket(t.url, frank.token);
    await frankSocket.ok('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: 'toujours là',
    });
    await t.http.get('/api/health').expect(200);
  });
});

describe('every 429 says how long to wait', () => {
  let t: TestApp;
  let erin: Person;
  let frank: Person;

  beforeAll(async () => {
    t = await startApp({
      MESSAGE_RATE_LIMIT: '2',
      MESSAGE_RATE_WINDOW: '60',
      REQUEST_LIMIT: '30',
      REQUEST_WINDOW: '60',
    });
    [erin, frank] = (await freshTenant(t, 'Erin Admin', 'Frank Member')) as [Person, Person];
  });
  afterEach(() => closeSockets());
  afterAll(() => t.close());

  it('on a REST message send past the limit, and on the socket ack of the same', async () => {
    const group = await createGroup(t, erin, [frank]);
    const post = () =>
      as(t, erin)
        .post(`/api/conversations/${group.id}/messages`)
        .send({ body: 'vite', clientMessageId: randomUUID() });
    await post().expect(201);
    await post().expect(201);
    expectTooManyRequests(await post());

    const socket = await connectSocket(t.url, erin.token);
    const ack = await socket.emit('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: 'encore',
    });
    expect(ack).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: expect.any(String),
        retryAfterSeconds: expect.any(Number),
      },
    });
  });

  it('on the per-user request limit', async () => {
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push(await as(t, frank).get('/api/auth/me'));
    expect(answers.slice(0, 30).every((res) => res.status === 200)).toBe(true);
    expectTooManyRequests(answers[30]!);
  });

  it(
    'on login',
    async () => {
      // An unknown address of this test's own tenant: no other test's failures count for it.
      const { tenant } = await accountOf(t, erin);
      const nobody = `nobody@${tenant}.test`;
      const ip = ipOf(20);
      for (let i = 0; i < 10; i++) await fromIp(t, ip, tenant, nobody, 'x').expect(401);
      expectTooManyRequests(await fromIp(t, ip, tenant, nobody, 'x'));
    },
    PASSWORD_CHECKS_TIMEOUT_MS,
  );
});
