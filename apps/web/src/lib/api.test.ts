import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, NetworkError, api } from './api';
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

/** A fake API where only `valid` is an accepted access token and `refresh-1` a live refresh token. */
function fakeApi(options: { refresh: () => Response | Promise<Response> }) {
  return vi.fn(async (path: string, init?: RequestInit) => {
    if (path === '/api/auth/refresh') return options.refresh();
    const auth = new Headers(init?.headers).get('Authorization');
    return auth === 'Bearer valid' ? json(200, { path }) : unauthorized();
  });
}

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

    await expect(api.get('/api/auth/me')).resolves.toEqual({ path: '/api/auth/me' });
    expect(new Headers(fetch.mock.calls[0][1]?.headers).get('Authorization')).toBe('Bearer valid');
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

    const requests = [api.get('/api/a'), api.get('/api/b'), api.get('/api/c')];
    await vi.waitFor(() =>
      expect(fetch.mock.calls.filter(([path]) => path === '/api/auth/refresh')).toHaveLength(1),
    );
    releaseRefresh();

    await expect(Promise.all(requests)).resolves.toEqual([
      { path: '/api/a' },
      { path: '/api/b' },
      { path: '/api/c' },
    ]);
    expect(fetch.mock.calls.filter(([path]) => path === '/api/auth/refresh')).toHaveLength(1);
    expect(
      JSON.parse(
        String(fetch.mock.calls.find(([path]) => path === '/api/auth/refresh')?.[1]?.body),
      ),
    ).toEqual({
      refreshToken: 'refresh-1',
    });
    expect(tokens.get()).toEqual({ accessToken: 'valid', refreshToken: 'refresh-2' });
  });

  it('does not refresh again for a 401 answered after another request already refreshed', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'refresh-1' });
    const refresh = vi.fn(() => json(200, { accessToken: 'valid', refreshToken: 'refresh-2' }));
    vi.stubGlobal('fetch', fakeApi({ refresh }));

    await api.get('/api/a');
    tokens.set({ accessToken: 'valid', refreshToken: 'refresh-2' });
    await api.get('/api/b');
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('clears the session when the refresh is refused, and surfaces the 401', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'revoked' });
    vi.stubGlobal('fetch', fakeApi({ refresh: () => unauthorized() }));
    const sessionChanged = vi.fn();
    const unsubscribe = tokens.subscribe(sessionChanged);

    const error = await api.get('/api/auth/me').catch((e: unknown) => e);
    unsubscribe();

    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).status).toBe(401);
    expect(tokens.get()).toBeNull();
    expect(sessionChanged).toHaveBeenCalled();
  });

  it('retries a request only once', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'refresh-1' });
    // The refresh "works" but the new token is refused too: the client must not loop.
    const fetch = vi.fn(async (path: string) =>
      path === '/api/auth/refresh'
        ? json(200, { accessToken: 'also-refused', refreshToken: 'refresh-2' })
        : unauthorized(),
    );
    vi.stubGlobal('fetch', fetch);

    await expect(api.get('/api/a')).rejects.toMatchObject({ status: 401 });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('does not refresh for requests whose 401 means wrong credentials', async () => {
    tokens.set({ accessToken: 'expired', refreshToken: 'refresh-1' });
    const refresh = vi.fn(() => json(200, { accessToken: 'valid', refreshToken: 'refresh-2' }));
    vi.stubGlobal('fetch', fakeApi({ refresh }));

    await expect(api.post('/api/auth/login', {}, { refreshOn401: false })).rejects.toMatchObject({
      status: 401,
    });
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

    const error = await api.post('/api/auth/login', {}).catch((e: unknown) => e);
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
    await expect(api.get('/api/health')).rejects.toBeInstanceOf(NetworkError);
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
    await expect(api.get('/api/a')).rejects.toBeInstanceOf(NetworkError);
    expect(tokens.get()).toEqual({ accessToken: 'expired', refreshToken: 'refresh-1' });
  });

  it('returns undefined for 204 No Content', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(api.post('/api/auth/logout', { refreshToken: 'x' })).resolves.toBeUndefined();
  });
});

describe('a 429', () => {
  it("carries the body's retryAfterSeconds", async () => {
    vi.stubGlobal('fetch', async () =>
      json(429, { statusCode: 429, message: 'Too Many Requests', retryAfterSeconds: 900 }),
    );
    const error = await api.post('/api/auth/login', {}, { refreshOn401: false }).catch((e) => e);
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
    const error = await api.get('/api/users').catch((e) => e);
    expect((error as ApiRequestError).retryAfterSeconds).toBe(8);
  });
});
