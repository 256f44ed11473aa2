import { MESSAGING_LIMITS } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import type { TestApp } from './app';
import { databaseState, ownerQuery } from './db-state';
import {
  as,
  createGroup,
  demoSuite,
  freshTenant,
  SEND_FREELY,
  send,
  socketOf,
  storedMessages,
  type DemoPeople,
} from './messaging';
import { emitJson, nestedJson } from './raw-socket';

/** Issue 6.5: each input below answered 5xx (or was stored wrong); now a 400/409 naming the field. */

let s: DemoPeople & { t: TestApp };
demoSuite(SEND_FREELY, (suite) => (s = suite));

type Call = () => ReturnType<ReturnType<typeof as>['get']>;

/** Runs each call, expects `status` and exactly `field` in `fields`, and that the database did not change. */
async function expectRefused(cases: [string, Call, string][], status = 400) {
  const before = await databaseState();
  for (const [name, call, field] of cases) {
    const res = await call();
    expect({ name, status: res.status, fields: Object.keys(res.body.fields ?? {}) }).toEqual({
      name,
      status,
      fields: [field],
    });
  }
  expect(await databaseState()).toEqual(before);
}

describe('text fields', () => {
  it('NUL and other control characters: 400 naming the field, nothing changed', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    const login = (tenant: string) =>
      t.http
        .post('/api/auth/login')
        .send({ tenant, email: 'alice@demo.test', password: 'demo1234' });
    const newUser = (displayName: string) =>
      as(t, alice)
        .post('/api/users')
        .send({ email: `${randomUUID()}@demo.test`, displayName, password: 'long-enough' });
    const message = (body: string) =>
      as(t, alice)
        .post(`/api/conversations/${group.id}/messages`)
        .send({ body, clientMessageId: randomUUID() });
    const title = (title: string) =>
      as(t, alice)
        .post('/api/conversations')
        .send({ kind: 'group', title, memberIds: [bob.id] });
    await expectRefused([
      ['NUL in tenant', () => login('de\u0000mo'), 'tenant'],
      ['BEL in tenant', () => login('demo\u0007'), 'tenant'],
      [
        'NUL in my display name',
        () => as(t, bob).patch('/api/auth/me').send({ displayName: 'Bob\u0000' }),
        'displayName',
      ],
      [
        'ESC in my display name',
        () => as(t, bob).patch('/api/auth/me').send({ displayName: 'Bob\u001b[31m' }),
        'displayName',
      ],
      ['NUL in a new display name', () => newUser('Erin\u0000'), 'displayName'],
      ['a new line in a display name', () => newUser('Erin\nLefèvre'), 'displayName'],
      ['C1 control in a title', () => title('Garde\u0085'), 'title'],
      ['a new line in a title', () => title('Garde\nNuit'), 'title'],
      ['BEL in a body', () => message('a\u0007b'), 'body'],
      ['a lone surrogate in a body', () => message('a\ud800b'), 'body'],
      [
        'DEL in a search',
        () => as(t, bob).get('/api/search/messages').query({ q: 'a\u007f' }),
        'q',
      ],
      [
        'a control in the user list q',
        () => as(t, bob).get('/api/users').query({ q: 'a\u0001' }),
        'q',
      ],
      [
        'a control in the conversation q',
        () => as(t, bob).get('/api/conversations').query({ q: 'a\u0002' }),
        'q',
      ],
    ]);
    // New lines and tabs are text in a body; \r\n is stored as \n.
    expect((await message('ligne 1\r\nligne 2\tfin').expect(201)).body.body).toBe(
      'ligne 1\nligne 2\tfin',
    );
  });

  it('lengths count code points as PostgreSQL does: T+U+FE0F titles and bodies', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    const aliceSocket = await socketOf(t, alice);
    const overlong = 'T\uFE0F'.repeat(MESSAGING_LIMITS.titleMaxLength); // 200 code points
    const overlongBody = 'a\uFE0F'.repeat(MESSAGING_LIMITS.bodyMaxLength); // 8,000 code points
    await expectRefused([
      [
        'a group title',
        () =>
          as(t, alice)
            .post('/api/conversations')
            .send({ kind: 'group', title: overlong, memberIds: [bob.id] }),
        'title',
      ],
      [
        'a rename',
        () => as(t, alice).patch(`/api/conversations/${group.id}`).send({ title: overlong }),
        'title',
      ],
      [
        'a body',
        () =>
          as(t, alice)
            .post(`/api/conversations/${group.id}/messages`)
            .send({ body: overlongBody, clientMessageId: randomUUID() }),
        'body',
      ],
    ]);
    expect(
      await aliceSocket.emit('message:send', {
        conversationId: group.id,
        clientMessageId: randomUUID(),
        body: overlongBody,
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        message: 'body must be at most 4000 characters',
        fields: { body: ['body must be at most 4000 characters'] },
      },
    });
    expect(await storedMessages(t, group.id)).toEqual([]);

    // Exactly at the limit, in code points: accepted and stored as sent.
    const title = 'T\uFE0F'.repeat(MESSAGING_LIMITS.titleMaxLength / 2);
    const renamed = await as(t, alice)
      .patch(`/api/conversations/${group.id}`)
      .send({ title })
      .expect(200);
    expect(renamed.body.title).toBe(title);
    const body = 'a\uFE0F'.repeat(MESSAGING_LIMITS.bodyMaxLength / 2);
    await send(t, alice, group.id, body);
    const [stored] = await ownerQuery(
      `SELECT char_length(body) AS body, char_length(c.title) AS title
       FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE c.id = $1 AND m.note IS NULL`, // the rename's timeline note aside
      [group.id],
    );
    expect(stored).toEqual({ body: MESSAGING_LIMITS.bodyMaxLength, title: 100 });
  });

  it('blank text (spaces, zero-width characters, variation selectors only) is refused', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    const aliceSocket = await socketOf(t, alice);
    const invisible = ' \u200B\u200C\u200D\u2060\uFEFF\uFE0F\uFE0E ';
    await expectRefused([
      [
        'an invisible body',
        () =>
          as(t, alice)
            .post(`/api/conversations/${group.id}/messages`)
            .send({ body: invisible, clientMessageId: randomUUID() }),
        'body',
      ],
      [
        'a display name of spaces',
        () => as(t, bob).patch('/api/auth/me').send({ displayName: '   ' }),
        'displayName',
      ],
      [
        'a new user named with spaces',
        () =>
          as(t, alice)
            .post('/api/users')
            .send({
              email: `${randomUUID()}@demo.test`,
              displayName: '  ',
              password: 'long-enough',
            }),
        'displayName',
      ],
      [
        'an invisible title',
        () => as(t, alice).patch(`/api/conversations/${group.id}`).send({ title: '\u200B' }),
        'title',
      ],
    ]);
    expect(
      await aliceSocket.emit('message:edit', {
        conversationId: group.id,
        messageId: randomUUID(),
        body: invisible,
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        message: 'body must not be blank',
        fields: { body: ['body must not be blank'] },
      },
    });
    expect((await as(t, bob).get('/api/auth/me').expect(200)).body.displayName).toBe(bob.name);
  });
});

describe('JSON bodies', () => {
  it('nested 15,000 deep (a 500) or with a __proto__ field (which skipped validation): 400 naming body', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    const patch = (json: string) =>
      as(t, alice)
        .patch(`/api/conversations/${group.id}`)
        .set('Content-Type', 'application/json')
        .send(json);
    const overlong = JSON.stringify('T\uFE0F'.repeat(MESSAGING_LIMITS.titleMaxLength));
    await expectRefused([
      ['15,000 deep', () => patch(`{"title":${'['.repeat(15_000)}${']'.repeat(15_000)}}`), 'body'],
      ['__proto__', () => patch(`{"__proto__":{},"title":${overlong}}`), 'body'],
      ['constructor', () => patch(`{"constructor":{},"title":"Nouveau"}`), 'body'],
    ]);
  });
});

describe('conversation-list cursors', () => {
  it('a forged cursor (unknown time zone, offset past ±14:00, impossible date) is a 400 naming cursor', async () => {
    const { t, bob } = s;
    const id = randomUUID();
    const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const list = (key: unknown[]) =>
      as(t, bob)
        .get('/api/conversations')
        .query({ cursor: forged(key) });
    await expectRefused(
      [
        ['an unknown time zone', () => list(['2026-01-01 00:00:00 Mars/Olympus', id]), 'cursor'],
        ['a time-zone name', () => list(['2026-01-01 00:00:00 Europe/Paris', id]), 'cursor'],
        ['a +99:00 offset', () => list(['2026-01-01 00:00:00+99:00', id]), 'cursor'],
        ['a +14:30 offset', () => list(['2026-01-01 00:00:00+14:30', id]), 'cursor'],
        ['February 30th', () => list(['2026-02-30 00:00:00+00', id]), 'cursor'],
        ['24:00', () => list(['2026-01-01 24:00:00+00', id]), 'cursor'],
        ['a number', () => list([1767225600000, id]), 'cursor'],
        ['no id', () => list(['2026-01-01 00:00:00+00']), 'cursor'],
      ].map(([name, call, field]) => [name as string, call as Call, field as string]),
    );
    // What PostgreSQL writes, and ISO-8601 with any real offset, are read.
    for (const stamp of [
      '2026-01-01 00:00:00.123456+00',
      '2026-01-01T05:30:00+05:30',
      '2026-01-01T00:00:00Z',
    ]) {
      await list([stamp, id]).expect(200);
    }
  });
});

describe('users', () => {
  it('6 concurrent creates with one email: one 201, five 409, one row', async () => {
    const { t } = s;
    const [admin] = await freshTenant(t, 'Ada Admin');
    const email = `erin-${randomUUID().slice(0, 8)}@example.test`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        as(t, admin!)
          .post('/api/users')
          .send({ email, displayName: 'Erin Lefèvre', password: 'long-enough' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const [{ count }] = await ownerQuery(
      `SELECT count(*)::int AS count FROM users WHERE email = $1`,
      [email],
    );
    expect(count).toBe(1);
  });
});

describe('socket payloads', () => {
  const EVENTS = [
    'message:send',
    'message:edit',
    'message:delete',
    'conversation:read',
    'typing',
    'sync',
  ];

  it('nested 20,000 deep or with thousands of entries: invalid_payload per event, the connection kept, nothing changed', async () => {
    const { t, alice, bob } = s;
    const group = await createGroup(t, alice, [bob]);
    const aliceSocket = await socketOf(t, alice);
    const wide = JSON.stringify({
      cursors: Object.fromEntries(Array.from({ length: 2000 }, () => [randomUUID(), 0])),
    });
    const payloads: [string, string][] = [
      ['20,000 deep', nestedJson(20_000)],
      ['11 deep', nestedJson(11)],
      [
        'an array of 5,000',
        JSON.stringify({ conversationId: group.id, body: Array(5000).fill(1) }),
      ],
      ['2,000 cursors', wide],
    ];
    const before = await databaseState();
    for (const event of EVENTS) {
      for (const [name, json] of payloads) {
        const ack = await emitJson(aliceSocket, event, json);
        expect({ event, name, ack }).toEqual({
          event,
          name,
          ack: { ok: false, error: { code: 'invalid_payload', message: expect.any(String) } },
        });
      }
    }
    expect(await databaseState()).toEqual(before);
    expect(aliceSocket.connected).toBe(true);
    // Within the bounds, the DTO answers: 501 cursors is too many conversations for one sync.
    const tooMany = Object.fromEntries(Array.from({ length: 501 }, () => [randomUUID(), 0]));
    expect(await aliceSocket.emit('sync', { cursors: tooMany })).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        message: expect.stringContaining('cursors'),
        fields: { cursors: [expect.stringContaining('cursors')] },
      },
    });
    const sent = await aliceSocket.ok('message:send', {
      conversationId: group.id,
      clientMessageId: randomUUID(),
      body: 'toujours là',
    });
    expect(sent.seq).toBe(1);
  });
});
