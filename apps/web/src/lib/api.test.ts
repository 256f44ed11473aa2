import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// The client builds absolute URLs from the page's origin: give it one before it loads.
vi.hoisted(() => vi.stubGlobal('location', new URL('http://spa.test/')));
import { ApiRequestError, NetworkError, client, dataOf, publicClient } from './api';
import { tokens } from './tokens';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const unauthorized = () =>
  json(401, { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });

const pathOf = (request: Request) => new URL(request.url).pathname;
const isRefresh = ([request]: [Request]) => pathOf(request) === '/api/auth/refresh';

/** A fake API where only `valid` is an accepted access token; it answers with the path asked. */
function fakeApi(options: { refresh: () => Response | Promise<Response> }) {
  return vi.fn(async (request: Request) => {
    if (pathOf(request) === '/api/auth/refresh') return options.refresh();
    const auth = request.headers.get('Authorization');
    return auth === 'Bearer valid' ? json(200, { path: pathOf(request) }) : unauthorized();
  });
}

/** Three GETs the fake API answers alike (the document types their bodies, the fake does not). */
const me = () => dataOf(client.GET('/api/auth/me'));
const conversation = (id: string) =>
  dataOf(client.GET('/api/conversations/{id}', { params: { path: { id } } }));
const login = () =>
  dataOf(
    publicClient.POST('/api/auth/login', {
      body: { tenant: 'demo', email: 'a@b.c', password: 'x' },
    }),
  );

beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('api client', () => {
  it('sends the access token as a bearer token', async () => {
    tokens.set({ accessToken: 'valid', refreshToken: 'refresh-1' });
    const fetch = fakeApi({ refresh: () => unauthorized() });
    vi.stubGlobal('fetch', fetch);

    await expect(me()).resolves.toEqual({ path: '/api/auth/me' });
    expect(fetch.mock.calls[0][0].headers.get('Authorization')).toBe('Bearer valid');
  });

  it('refreshes once for concurrent 401s, stores the new pair and retries each request', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'refresh-1' });
    let releaseRefresh!: () => void;
    const refreshAnswered = new Promise<void>((resolve) => (releaseRefresh = resolve));
    const fetch = fakeApi({
      refresh: async () => {
        await refreshAnswered;
        return json(200, { accessToken: 'valid', refreshToken: 'refresh-2' });
      },
    });
    vi.stubGlobal('fetch', fetch);

    const requests = [conversation('a'), conversation('b'), conversation('c')];
    await vi.waitFor(() => expect(fetch.mock.calls.filter(isRefresh)).toHaveLength(1));
    releaseRefresh();

    await expect(Promise.all(requests)).resolves.toEqual([
      { path: '/api/conversations/a' },
      { path: '/api/conversations/b' },
      { path: '/api/conversations/c' },
    ]);
    expect(fetch.mock.calls.filter(isRefresh)).toHaveLength(1);
    const [refreshRequest] = fetch.mock.calls.find(isRefresh)!;
    expect(refreshRequest.headers.get('Authorization')).toBeNull();
    expect(await refreshRequest.json()).toEqual({ refreshToken: 'refresh-1' });
    expect(tokens.get()).toEqual({ accessToken: 'valid', refreshToken: 'refresh-2' });
  });

  it('sends the body again when it retries a request after a refresh', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'refresh-1' });
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      if (pathOf(request) === '/api/auth/refresh')
        return json(200, { accessToken: 'valid', refreshToken: 'refresh-2' });
      bodies.push(await request.json());
      return request.headers.get('Authorization') === 'Bearer valid'
        ? json(200, { seq: 7 })
        : unauthorized();
    });

    await expect(
      dataOf(
        client.POST('/api/conversations/{id}/read', {
          params: { path: { id: 'a' } },
          body: { seq: 7 },
        }),
      ),
    ).resolves.toEqual({ seq: 7 });
    expect(bodies).toEqual([{ seq: 7 }, { seq: 7 }]);
  });

  it('does not refresh again for a 401 answered after another request already refreshed', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'refresh-1' });
    const refresh = vi.fn(() => json(200, { accessToken: 'valid', refreshToken: 'refresh-2' }));
    vi.stubGlobal('fetch', fakeApi({ refresh }));

    await conversation('a');
    tokens.set({ accessToken: 'valid', refreshToken: 'refresh-2' });
    await conversation('b');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('clears the session when the refresh is refused, and surfaces the 401', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'revoked' });
    vi.stubGlobal('fetch', fakeApi({ refresh: () => unauthorized() }));
    const sessionChanged = vi.fn();
    const unsubscribe = tokens.subscribe(sessionChanged);

    const error = await me().catch((e: unknown) => e);
    unsubscribe();

    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).status).toBe(401);
    expect(tokens.get()).toBeNull();
    expect(sessionChanged).toHaveBeenCalled();
  });

  it('retries a request only once', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'refresh-1' });
    // The refresh "works" but the new token is refused too: the client must not loop.
    const fetch = vi.fn(async (request: Request) =>
      pathOf(request) === '/api/auth/refresh'
        ? json(200, { accessToken: 'also-refused', refreshToken: 'refresh-2' })
        : unauthorized(),
    );
    vi.stubGlobal('fetch', fetch);

    await expect(conversation('a')).rejects.toMatchObject({ status: 401 });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('does not refresh for requests whose 401 means wrong credentials', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'refresh-1' });
    const refresh = vi.fn(() => json(200, { accessToken: 'valid', refreshToken: 'refresh-2' }));
    vi.stubGlobal('fetch', fakeApi({ refresh }));

    await expect(login()).rejects.toMatchObject({ status: 401 });
    expect(refresh).not.toHaveBeenCalled();
  });

  it("surfaces the API's status and message", async () => {
    vi.stubGlobal('fetch', async () =>
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: ['email must be an email', 'password is empty'],
      }),
    );

    const error = await login().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 400,
      message: 'email must be an email; password is empty',
    });
  });

  it('reports an unreachable server as a NetworkError', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(me()).rejects.toBeInstanceOf(NetworkError);
  });

  it('keeps the session when the server cannot be reached during a refresh', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'refresh-1' });
    vi.stubGlobal(
      'fetch',
      fakeApi({
        refresh: () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    );
    await expect(conversation('a')).rejects.toBeInstanceOf(NetworkError);
    expect(tokens.get()).toEqual({ accessToken: 'expired', refreshToken: 'refresh-1' });
  });

  it('returns undefined for 204 No Content', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(
      dataOf(client.POST('/api/auth/logout', { body: { refreshToken: 'x' } })),
    ).resolves.toBeUndefined();
  });
});

describe('a 429', () => {
  it("carries the body's retryAfterSeconds", async () => {
    vi.stubGlobal('fetch', async () =>
      json(429, { statusCode: 429, message: 'Too Many Requests', retryAfterSeconds: 900 }),
    );
    const error = await login().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).retryAfterSeconds).toBe(900);
  });

  it('falls back on the Retry-After header', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify({ statusCode: 429, message: 'Too Many Requests' }), {
          status: 429,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '8' },
        }),
    );
    const error = await me().catch((e: unknown) => e);
    expect((error as ApiRequestError).retryAfterSeconds).toBe(8);
  });
});
