import { LIMITS, type Ack, type ClientEvents } from '@mindsp/contracts';
import { ModulesContainer } from '@nestjs/core';
import { MESSAGE_METADATA } from '@nestjs/websockets/constants';
import { randomUUID } from 'node:crypto';
import { resetLoginLimits, type TestApp } from './app';
import type { Client } from 'pg';
import { databaseState, ownerConnection, ownerQuery } from './db-state';
import {
  BAD_DATES,
  malformedDocuments,
  malformedQueryValues,
  malformedValues,
  MALFORMED_PATH_IDS,
  type FieldKind,
} from './malformed';
import {
  as,
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
 * Issue 6.5 and 17: malformed values of every kind, one field at a time, to every REST route (read
 * from the app's own router at run time, its fields from the OpenAPI document, so a new route is
 * fuzzed without touching this file) and every socket event: wrong types, missing fields, oversize
 * values, unknown ids, ids of another tenant, bad dates. The socket events and their fields come from
 * the contract's `ClientEvents` (checked by the compiler) and must be those the gateways handle. No answer may be a 5xx (or an `internal`
 * ack), nor show anything of the other tenant, and the database must not change. A route the
 * router serves that gets no case fails the test.
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
  // By name too: a date field documented as a plain string is still a date.
  if (
    schema.format === 'date-time' ||
    (schema.type === 'string' && /^(since|until)$|At$/.test(name))
  )
    return 'date';
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
  readonly rows = new Map<string, { cases: number; serverErrors: number; ms: number }>();
  readonly failures: string[] = [];
  /**
   * One case sent; `changed`: it wrote to the database (it must not: every case is malformed);
   * `wrong`: what else was wrong with the answer (a leak, a date accepted).
   */
  record(
    target: string,
    serverError: boolean,
    detail: () => string,
    changed = false,
    wrong?: string,
  ) {
    const row = this.rows.get(target) ?? { cases: 0, serverErrors: 0, ms: 0 };
    row.cases++;
    if (serverError) row.serverErrors++;
    if (serverError || changed || wrong)
      this.failures.push(
        `${target}: ${changed ? 'CHANGED THE DATABASE ' : ''}${wrong ? `${wrong} ` : ''}${detail()}`,
      );
    this.rows.set(target, row);
  }
  /** Time spent on a route or event (the suite's runtime is watched: it runs in CI). */
  spent(target: string, ms: number) {
    const row = this.rows.get(target);
    if (row) row.ms += ms;
  }
  get serverErrors() {
    return [...this.rows.values()].reduce((sum, row) => sum + row.serverErrors, 0);
  }
  print() {
    const lines = [...this.rows].map(
      ([target, row]) =>
        `${target.padEnd(58)} ${String(row.cases).padStart(5)} ${String(row.serverErrors).padStart(3)} ${String(Math.round(row.ms)).padStart(6)}`,
    );
    const total = [...this.rows.values()].reduce((sum, row) => sum + row.cases, 0);
    console.log(
      [
        `${'route / event'.padEnd(58)} cases 5xx     ms`,
        ...lines,
        `${'total'.padEnd(58)} ${String(total).padStart(5)} ${this.serverErrors}`,
      ].join('\n'),
    );
  }
}

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** The documentation's own routes (Swagger UI and its JSON): not the API. */
const DOCS = /^\/api\/docs(-json|-yaml)?(\/|$)/;

/**
 * Every REST route the app's router serves, as `METHOD /api/path/{param}` (the OpenAPI form): the
 * list of what must be fuzzed comes from what is served, not from what is documented.
 */
function servedRoutes(t: TestApp): { method: string; template: string }[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  const routes = new Map<string, { method: string; template: string }>();
  for (const { route } of express.router.stack) {
    if (!route) continue;
    for (const path of [route.path].flat()) {
      if (!path.startsWith('/api/') || DOCS.test(path)) continue;
      const template = path.replace(/:(\w+)/g, '{$1}');
      for (const method of Object.keys(route.methods)) {
        if (['_all', 'head', 'options'].includes(method)) continue;
        routes.set(`${method.toUpperCase()} ${template}`, { method, template });
      }
    }
  }
  return [...routes.values()];
}

type Answer = { status: number; body?: { fields?: Record<string, string[]>; message?: unknown } };
const describeAnswer = (res: Answer) =>
  `${res.status} ${JSON.stringify(res.body?.fields ?? res.body?.message)}`;

/** A bad value of `field`: 400 naming it. */
const refusedNaming = (field: string) => (res: Answer) =>
  res.status === 400 && Object.keys(res.body?.fields ?? {}).includes(field)
    ? undefined
    : `expected 400 naming ${field}, got ${describeAnswer(res)}`;

/**
 * Another tenant's id in `param`: 404, as an id that does not exist (or 400 for another field of
 * the request, checked first); never an answer that tells it exists.
 */
const notFound = (param: string) => (res: Answer) =>
  res.status === 404 || (res.status === 400 && !Object.keys(res.body?.fields ?? {}).includes(param))
    ? undefined
    : `expected 404 for another tenant's ${param}, got ${describeAnswer(res)}`;

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

type ClientEvent = keyof ClientEvents;

/**
 * The fields of each client event, with their kind and whether they are required: one entry per
 * event of the contract and one per field of its input, so an event or a field added to
 * `ClientEvents` without cases here does not compile.
 */
const SOCKET_CASES: {
  [E in ClientEvent]: {
    [F in keyof Parameters<ClientEvents[E]>[0]]-?: [FieldKind, boolean];
  };
} = {
  'message:send': {
    conversationId: ['uuid', true],
    clientMessageId: ['text', true],
    body: ['text', true],
    replyToId: ['uuid', false],
    attachmentIds: ['uuids', false],
  },
  'message:edit': {
    conversationId: ['uuid', true],
    messageId: ['uuid', true],
    body: ['text', true],
  },
  'message:delete': { conversationId: ['uuid', true], messageId: ['uuid', true] },
  'message:react': {
    conversationId: ['uuid', true],
    messageId: ['uuid', true],
    emoji: ['text', true],
    reacted: ['boolean', true],
  },
  'message:pin': {
    conversationId: ['uuid', true],
    messageId: ['uuid', true],
    pinned: ['boolean', true],
  },
  'conversation:read': { conversationId: ['uuid', true], seq: ['integer', true] },
  typing: { conversationId: ['uuid', true], typing: ['boolean', true] },
  sync: { cursors: ['cursors', true], changes: ['cursors', false] },
  'presence:subscribe': { userIds: ['uuids', true] },
  'alert:ack': { alertId: ['uuid', true], response: ['enum', true] },
};

/** The events the app's gateways handle (their @SubscribeMessage), read from the running app. */
function handledEvents(t: TestApp): string[] {
  const events: string[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const { instance } of module.providers.values()) {
      const prototype: unknown = instance && Object.getPrototypeOf(instance);
      if (!prototype || prototype === Object.prototype) continue;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const method = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
        if (typeof method !== 'function') continue;
        const event: unknown = Reflect.getMetadata(MESSAGE_METADATA, method);
        if (typeof event === 'string') events.push(event);
      }
    }
  }
  return events;
}

/** Whether the database is compared after each case of a route rather than after the route. */
const EACH_CASE = process.env.FUZZ_EACH_CASE === '1';

/** A thousand requests on a machine shared with other work: far more than the default 30 s. */
const FUZZ_TIMEOUT_MS = 180_000;

let s: { t: TestApp };
demoSuite(SEND_FREELY, (suite) => (s = suite));

describe('fuzz', () => {
  let fay: Person, gil: Person, hal: Person, ivy: Person;
  let slug: string;
  let groupId: string;
  let messageId: string;
  /** Real ids of another tenant (a conversation, a message, a person): each must be a 404. */
  let foreignIds: string[];
  /** What of the other tenant no answer may show. */
  let foreignMarks: string[];
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

    const [uma, vic] = await freshTenant(s.t, 'Uma Foreign', 'Vic Foreign');
    const secret = `secret-${randomUUID()}`;
    const theirs = await createGroup(s.t, uma!, [vic!], `Groupe ${secret}`);
    const theirMessage = await send(s.t, uma!, theirs.id, `message ${secret}`);
    // A fuzzed search for the fuzzer's own valid words must not find theirs either.
    await send(s.t, uma!, theirs.id, 'le message');
    foreignIds = [theirs.id, theirMessage.id, vic!.id];
    foreignMarks = [secret, 'Uma Foreign', 'Vic Foreign'];
    // Fay sees nothing of them before the fuzz: what follows checks that it stays so.
    expect((await as(s.t, fay!).get(`/api/conversations/${theirs.id}`)).status).toBe(404);
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
      type: 'reminder',
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
      // In the future, within a year: what a reminder's time must be.
      date: new Date(Date.now() + 86_400_000).toISOString(),
    }[kind];
  }

  it(
    'REST: every served route, no 5xx, no other tenant shown, nothing changed',
    async () => {
      const { t } = s;
      const doc: OpenApiDocument = (await t.http.get('/api/docs-json').expect(200)).body;
      const resolve = (schema: OpenApiSchema) =>
        schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!]! : schema;
      const { before, stateChanged } = await watchDatabase(owner);
      const served = servedRoutes(t);
      const undocumented: string[] = [];

      for (const { method, template } of served) {
        const target = `${method.toUpperCase()} ${template}`;
        const started = performance.now();
        let operation = doc.paths[template]?.[method];
        if (!operation) {
          // Served but not documented: fuzzed by its path alone (and listed at the end).
          undocumented.push(target);
          operation = {
            parameters: [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
              in: 'path' as const,
              name: name!,
              required: true,
              schema: { type: 'string' },
            })),
          };
        }
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

        /**
         * Sends one case. `check`: what else the answer must be, for cases whose answer is known
         * (see notFound and refusedNaming); it returns what was wrong, or undefined.
         */
        const call = async (
          path: Record<string, string>,
          query: string,
          payload?: string,
          check?: (res: Answer) => string | undefined,
        ) => {
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
          // Reads cannot write: only the other methods are followed by a look at the database,
          // once per route (a look costs as much as a case); FUZZ_EACH_CASE=1 looks after each
          // case, to name the one that wrote.
          const changed = method !== 'get' && EACH_CASE && (await stateChanged());
          const leaked = foreignMarks.find((mark) => res.text?.includes(mark));
          const wrong = leaked ? `SHOWED THE OTHER TENANT (${leaked})` : check?.(res);
          tally.record(
            target,
            res.status >= 500,
            () => `${res.status} ${url}?${query.slice(0, 80)} ${String(payload).slice(0, 120)}`,
            changed,
            wrong,
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
          if (kindOf(param.name, param.schema) === 'uuid') {
            for (const id of foreignIds)
              await call({ [param.name]: id }, validQuery, validJson, notFound(param.name));
          }
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
            ...(kind === 'uuid' ? foreignIds.map((id) => `${param.name}=${id}`) : []),
          ];
          for (const form of forms) {
            const check = BAD_DATES.some(
              (date) => form === `${param.name}=${encodeURIComponent(date)}`,
            )
              ? refusedNaming(param.name)
              : undefined;
            await call({}, [...others, form].join('&'), validJson, check);
          }
        }
        if (queryParams.length) await call({}, `${validQuery}&unknown=1`, validJson);
        if (body) {
          for (const [name, schema] of Object.entries(body.properties ?? {})) {
            const required = body.required?.includes(name) ?? false;
            const kind = kindOf(name, schema) as FieldKind;
            const variants = malformedValues(kind, required);
            if (required) variants.push(undefined); // left out
            for (const bad of variants) {
              const check =
                kind === 'date' && typeof bad === 'string' ? refusedNaming(name) : undefined;
              await call({}, validQuery, JSON.stringify({ ...validBody, [name]: bad }), check);
            }
            if (kind === 'uuid' || kind === 'uuids') {
              for (const id of foreignIds) {
                const value = kind === 'uuids' ? [id] : id;
                await call({}, validQuery, JSON.stringify({ ...validBody, [name]: value }));
              }
            }
          }
        }
        // Every route, whatever it takes: a body that is not JSON and one over the size limit
        // (refused before any handler runs), so no served route goes without a case.
        for (const document of [
          ...(body ? malformedDocuments(validBody) : []),
          '{"a":',
          '{"body": "x",}',
          JSON.stringify({ pad: 'x'.repeat(LIMITS.requestBodyBytes) }),
        ]) {
          await call({}, validQuery, document);
        }
        if (method !== 'get' && !EACH_CASE && (await stateChanged())) {
          tally.failures.push(
            `${target}: CHANGED THE DATABASE in one of its cases (FUZZ_EACH_CASE=1 names it)`,
          );
        }
        tally.spent(target, performance.now() - started);
      }
      if (undocumented.length)
        console.log(`served but not in the OpenAPI document:\n  ${undocumented.join('\n  ')}`);
      expect(
        served.filter(
          ({ method, template }) => !tally.rows.has(`${method.toUpperCase()} ${template}`),
        ),
      ).toEqual([]);
      expect(served.length).toBeGreaterThan(50);
      expect(tally.failures).toEqual([]);
      expect(await databaseState()).toEqual(before);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'socket events: every event the gateways handle, no internal ack, the connection kept, nothing changed',
    async () => {
      const { t } = s;
      // Every event the gateways handle has cases (a new handler without any fails here), and
      // every event of the contract is handled.
      expect(handledEvents(t).sort()).toEqual(Object.keys(SOCKET_CASES).sort());
      const socket: TestSocket = await socketOf(t, fay);
      const { before, stateChanged } = await watchDatabase(owner);
      for (const [event, fields] of Object.entries(SOCKET_CASES) as [
        string,
        Record<string, [FieldKind, boolean]>,
      ][]) {
        // The required fields, valid: each case makes one of them malformed, or adds one malformed
        // optional field (a valid optional one would make a valid request, which writes).
        const valid = Object.fromEntries(
          Object.entries(fields)
            .filter(([, [, required]]) => required)
            .map(([name, [kind]]) => [name, name === 'emoji' ? '👍' : validValue(name, kind)]),
        );
        const check = async (ack: Ack<unknown>, detail: () => string) =>
          tally.record(
            event,
            !ack.ok && ['internal', 'unavailable'].includes(ack.error.code),
            () => `${JSON.stringify(ack).slice(0, 200)} ${detail()}`,
            await stateChanged(),
          );
        for (const [name, [kind, required]] of Object.entries(fields)) {
          const variants = [...malformedValues(kind, required), ...(required ? [undefined] : [])];
          for (const bad of variants) {
            const payload = { ...valid, [name]: bad };
            await check(await socket.emit(event as ClientEvent, payload), () =>
              JSON.stringify(payload).slice(0, 120),
            );
          }
        }
        for (const document of malformedDocuments(valid)) {
          await check(await emitJson(socket, event, document), () => document.slice(0, 120));
        }
        expect({ event, connected: socket.connected }).toEqual({ event, connected: true });
      }
      expect(Object.keys(SOCKET_CASES).filter((event) => !tally.rows.get(event)?.cases)).toEqual(
        [],
      );
      expect(tally.failures).toEqual([]);
      expect(await databaseState()).toEqual(before);
    },
    FUZZ_TIMEOUT_MS,
  );
});
