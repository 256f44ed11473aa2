import type { Ack } from '@mindsp/contracts';
import { randomUUID } from 'node:crypto';
import { resetLoginLimits, type TestApp } from './app';
import type { Client } from 'pg';
import { databaseState, ownerConnection, ownerQuery } from './db-state';
import {
  malformedDocuments,
  malformedQueryValues,
  malformedValues,
  MALFORMED_PATH_IDS,
  type FieldKind,
} from './malformed';
import {
  createGroup,
  demoSuite,
  freshTenant,
  SEND_FREELY,
  send,
  socketOf,
  type Person,
} from './messaging';
import { emitJson } from './raw-socket';
import type { TestSocket } from './sockets';

/**
 * Issue 6.5: malformed values of every kind, one field at a time, to every REST route (read from
 * the app's own OpenAPI document, so a new route is fuzzed without touching this file) and every
 * socket event. No answer may be a 5xx (or an `internal` ack), and the database must not change.
 */

interface OpenApiSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  $ref?: string;
}
interface OpenApiOperation {
  parameters?: { in: 'path' | 'query'; name: string; required?: boolean; schema: OpenApiSchema }[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
}
type OpenApiDocument = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
};

function kindOf(name: string, schema: OpenApiSchema): FieldKind | 'cursor' {
  if (name === 'cursor') return 'cursor';
  if (schema.enum) return 'enum';
  if (schema.type === 'array') return 'uuids';
  if (schema.type === 'number' || schema.type === 'integer') return 'integer';
  if (schema.type === 'boolean') return 'boolean';
  // clientMessageId is the client's own token, not one of our ids.
  if (schema.format === 'uuid' || (/(^id|Id)$/.test(name) && name !== 'clientMessageId'))
    return 'uuid';
  return 'text';
}

/** Counts per route or event, printed at the end. */
class Tally {
  readonly rows = new Map<string, { cases: number; serverErrors: number }>();
  readonly failures: string[] = [];
  /** One case sent; `changed`: it wrote to the database (it must not: every case is malformed). */
  record(target: string, serverError: boolean, detail: () => string, changed = false) {
    const row = this.rows.get(target) ?? { cases: 0, serverErrors: 0 };
    row.cases++;
    if (serverError) row.serverErrors++;
    if (serverError || changed)
      this.failures.push(`${target}: ${changed ? 'CHANGED THE DATABASE ' : ''}${detail()}`);
    this.rows.set(target, row);
  }
  get serverErrors() {
    return [...this.rows.values()].reduce((sum, row) => sum + row.serverErrors, 0);
  }
  print() {
    const lines = [...this.rows].map(
      ([target, row]) =>
        `${target.padEnd(58)} ${String(row.cases).padStart(5)} ${row.serverErrors}`,
    );
    const total = [...this.rows.values()].reduce((sum, row) => sum + row.cases, 0);
    console.log(
      [
        `${'route / event'.padEnd(58)} cases 5xx`,
        ...lines,
        `${'total'.padEnd(58)} ${String(total).padStart(5)} ${this.serverErrors}`,
      ].join('\n'),
    );
  }
}

/** The database now, and a check that tells whether it changed since the last check. */
async function watchDatabase(owner: Client) {
  const before = await databaseState(owner);
  let last = JSON.stringify(before);
  const stateChanged = async () => {
    const now = JSON.stringify(await databaseState(owner));
    const changed = now !== last;
    last = now;
    return changed;
  };
  return { before, stateChanged };
}

/** A thousand requests on a machine shared with other work: far more than the default 30 s. */
const FUZZ_TIMEOUT_MS = 180_000;

let s: { t: TestApp };
demoSuite(SEND_FREELY, (suite) => (s = suite));

describe('fuzz', () => {
  let fay: Person, gil: Person, hal: Person, ivy: Person;
  let slug: string;
  let groupId: string;
  let messageId: string;
  const tally = new Tally();

  beforeAll(async () => {
    [fay, gil, hal, ivy] = (await freshTenant(
      s.t,
      'Fay Fuzz',
      'Gil Fuzz',
      'Hal Fuzz',
      'Ivy Fuzz',
    )) as Person[];
    [{ slug }] = await ownerQuery(`SELECT slug FROM tenants WHERE id = $1`, [fay!.tenantId]);
    const group = await createGroup(s.t, fay!, [gil!, hal!]);
    groupId = group.id;
    messageId = (await send(s.t, fay!, groupId, 'le message')).id;
  });

  let owner: Client;
  beforeAll(async () => {
    owner = await ownerConnection();
  });

  afterAll(async () => {
    await owner.end();
    tally.print();
    await resetLoginLimits(s.t);
  });

  /** Valid values by field name: each request is valid but for the one malformed part. */
  function validValue(name: string, kind: FieldKind | 'cursor'): unknown {
    const known: Record<string, unknown> = {
      tenant: slug,
      email: `fay@${slug}.test`,
      password: 'demo1234',
      refreshToken: `${randomUUID()}.secret`,
      displayName: 'Fay Fuzz',
      locale: 'fr',
      role: 'member',
      kind: 'group',
      title: 'Le groupe',
      memberIds: [gil.id],
      userIds: [ivy.id],
      body: 'un message',
      clientMessageId: randomUUID(),
      seq: 1,
      typing: true,
      id: groupId,
      conversationId: groupId,
      userId: hal.id,
      messageId,
      q: 'message',
      cursors: { [groupId]: 0 },
    };
    if (name in known) return known[name];
    return {
      text: 'x',
      uuid: randomUUID(),
      uuids: [randomUUID()],
      integer: 1,
      boolean: true,
      enum: 'x',
      cursors: {},
      cursor: undefined,
    }[kind];
  }

  it(
    'REST: no 5xx, nothing changed',
    async () => {
      const { t } = s;
      const doc: OpenApiDocument = (await t.http.get('/api/docs-json').expect(200)).body;
      const resolve = (schema: OpenApiSchema) =>
        schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!]! : schema;
      const { before, stateChanged } = await watchDatabase(owner);

      for (const [template, operations] of Object.entries(doc.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const target = `${method.toUpperCase()} ${template}`;
          const params = operation.parameters ?? [];
          const pathParams = params.filter((p) => p.in === 'path');
          const queryParams = params.filter((p) => p.in === 'query');
          const bodySchema = operation.requestBody?.content['application/json']?.schema;
          const body = bodySchema ? resolve(bodySchema) : undefined;
          const validBody = Object.fromEntries(
            Object.entries(body?.properties ?? {}).map(([name, schema]) => [
              name,
              validValue(name, kindOf(name, schema)),
            ]),
          );

          const call = async (path: Record<string, string>, query: string, payload?: string) => {
            const url = template.replace(
              /\{(\w+)\}/g,
              (_, name: string) => path[name] ?? String(validValue(name, 'uuid')),
            );
            let test = (
              t.http as unknown as Record<string, (url: string) => import('supertest').Test>
            )[method]!(`${url}${query ? `?${query}` : ''}`).set(
              'Authorization',
              `Bearer ${fay.token}`,
            );
            if (payload !== undefined)
              test = test.set('Content-Type', 'application/json').send(payload);
            const res = await test;
            // Reads cannot write: only the other methods are followed by a look at the database.
            const changed = method !== 'get' && (await stateChanged());
            tally.record(
              target,
              res.status >= 500,
              () => `${res.status} ${url}?${query.slice(0, 80)} ${String(payload).slice(0, 120)}`,
              changed,
            );
          };
          const validJson = body ? JSON.stringify(validBody) : undefined;
          const validQuery = queryParams
            .filter((p) => p.required)
            .map(
              (p) =>
                `${p.name}=${encodeURIComponent(String(validValue(p.name, kindOf(p.name, p.schema))))}`,
            )
            .join('&');

          for (const param of pathParams) {
            for (const bad of MALFORMED_PATH_IDS)
              await call({ [param.name]: bad }, validQuery, validJson);
          }
          for (const param of queryParams) {
            const others = validQuery
              .split('&')
              .filter((pair) => pair && !pair.startsWith(`${param.name}=`));
            const kind = kindOf(param.name, param.schema);
            const forms = [
              ...malformedQueryValues(kind).map((value) => `${param.name}=${value}`),
              `${param.name}=a&${param.name}=b`,
              `${param.name}[a]=1`,
              `${param.name}[]=1`,
            ];
            for (const form of forms) await call({}, [...others, form].join('&'), validJson);
          }
          if (queryParams.length) await call({}, `${validQuery}&unknown=1`, validJson);
          if (body) {
            for (const [name, schema] of Object.entries(body.properties ?? {})) {
              const required = body.required?.includes(name) ?? false;
              const variants = malformedValues(kindOf(name, schema) as FieldKind, required);
              if (required) variants.push(undefined); // left out
              for (const bad of variants) {
                await call({}, validQuery, JSON.stringify({ ...validBody, [name]: bad }));
              }
            }
            for (const document of [...malformedDocuments(validBody), '{"a":', '{"body": "x",}']) {
              await call({}, validQuery, document);
            }
          }
        }
      }
      expect(tally.failures).toEqual([]);
      expect(await databaseState()).toEqual(before);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'socket events: no internal ack, the connection kept, nothing changed',
    async () => {
      const { t } = s;
      const events: [string, Record<string, [FieldKind, boolean]>][] = [
        [
          'message:send',
          { conversationId: ['uuid', true], clientMessageId: ['text', true], body: ['text', true] },
        ],
        [
          'message:edit',
          { conversationId: ['uuid', true], messageId: ['uuid', true], body: ['text', true] },
        ],
        ['message:delete', { conversationId: ['uuid', true], messageId: ['uuid', true] }],
        ['conversation:read', { conversationId: ['uuid', true], seq: ['integer', true] }],
        ['typing', { conversationId: ['uuid', true], typing: ['boolean', true] }],
        ['sync', { cursors: ['cursors', true] }],
        ['alert:ack', { alertId: ['uuid', true], response: ['enum', true] }],
      ];
      const socket: TestSocket = await socketOf(t, fay);
      const { before, stateChanged } = await watchDatabase(owner);
      for (const [event, fields] of events) {
        const valid = Object.fromEntries(
          Object.entries(fields).map(([name, [kind]]) => [name, validValue(name, kind)]),
        );
        const check = async (ack: Ack<unknown>, detail: () => string) =>
          tally.record(
            event,
            !ack.ok && ['internal', 'unavailable'].includes(ack.error.code),
            () => `${JSON.stringify(ack).slice(0, 200)} ${detail()}`,
            await stateChanged(),
          );
        for (const [name, [kind, required]] of Object.entries(fields)) {
          const variants = [...malformedValues(kind, required), undefined];
          for (const bad of variants) {
            const payload = { ...valid, [name]: bad };
            await check(await socket.emit(event as 'sync', payload), () =>
              JSON.stringify(payload).slice(0, 120),
            );
          }
        }
        for (const document of malformedDocuments(valid)) {
          await check(await emitJson(socket, event, document), () => document.slice(0, 120));
        }
        expect({ event, connected: socket.connected }).toEqual({ event, connected: true });
      }
      expect(tally.failures).toEqual([]);
      expect(await databaseState()).toEqual(before);
    },
    FUZZ_TIMEOUT_MS,
  );
});
