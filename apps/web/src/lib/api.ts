import type { ApiError, ErrorCode, TokenPair } from '@mindsp/contracts';
import { tokens } from './tokens';

/** The API answered with an error status; `message` is the API's own message. */
export class ApiRequestError extends Error {
  /** The API's code (what a client switches on); a body without one is judged by its status. */
  readonly code: ErrorCode;

  constructor(
    readonly status: number,
    message: string,
    readonly body?: ApiError,
    /** With 429: how long to wait before trying again (the body's, else the Retry-After header's). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiRequestError';
    this.code = body?.code ?? (status >= 500 ? 'internal' : 'bad_request');
  }
}

/** The request never got an answer: server down, network lost, proxy without upstream. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('The server cannot be reached', { cause });
    this.name = 'NetworkError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /**
   * false for requests whose 401 means "wrong credentials", not "access token expired"
   * (login, refresh): they must not trigger a refresh.
   */
  refreshOn401?: boolean;
}

const REFRESH_PATH = '/api/auth/refresh';

/** `?a=1&b=2` from the defined, non-empty params ('' when none). */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { refreshOn401 = true } = options;
  const sentWith = tokens.get()?.accessToken;
  const response = await send(path, options, sentWith);

  if (response.status === 401 && refreshOn401 && sentWith !== undefined) {
    if (await refreshSession(sentWith)) {
      const retried = await send(path, options, tokens.get()?.accessToken);
      return parse<T>(retried);
    }
  }
  return parse<T>(response);
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};

async function send(
  path: string,
  options: RequestOptions,
  accessToken: string | undefined,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new NetworkError(error);
  }
}

// A dev proxy or load balancer answers these when the API behind it is down.
const UNREACHABLE_STATUSES = new Set([502, 503, 504]);

async function parse<T>(response: Response): Promise<T> {
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const body = await readError(response);
  if (!body && UNREACHABLE_STATUSES.has(response.status)) throw new NetworkError();
  const message = body
    ? [body.message].flat().join('; ')
    : response.statusText || `HTTP ${response.status}`;
  throw new ApiRequestError(
    response.status,
    message,
    body,
    body?.retryAfterSeconds ?? retryAfterHeader(response),
  );
}

/** Retry-After as seconds: either a number of seconds or an HTTP date. */
function retryAfterHeader(response: Response): number | undefined {
  const value = response.headers.get('Retry-After')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readError(response: Response): Promise<ApiError | undefined> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'message' in body) return body as ApiError;
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall back to the status text.
  }
  return undefined;
}

let refreshInFlight: Promise<boolean> | null = null;

/**
 * Gets a new token pair after a 401. Concurrent 401s share one refresh, because the API rotates
 * refresh tokens: a second refresh with the same (now spent) token would be refused and sign
 * the user out. Resolves false when the session is over (tokens are cleared, which sends
 * `RequireAuth` to /login).
 */
function refreshSession(expiredAccessToken: string): Promise<boolean> {
  refreshInFlight ??= withCrossTabLock(() => refreshUnlessDone(expiredAccessToken)).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function refreshUnlessDone(expiredAccessToken: string): Promise<boolean> {
  const current = tokens.get();
  if (!current) return false;
  // Another request (or another tab) already refreshed since ours was sent: use its pair.
  if (current.accessToken !== expiredAccessToken) return true;

  let response: Response;
  try {
    response = await fetch(REFRESH_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: current.refreshToken }),
    });
  } catch (error) {
    // The server being unreachable says nothing about the session: keep the tokens.
    throw new NetworkError(error);
  }
  if (response.ok) {
    tokens.set((await response.json()) as TokenPair);
    return true;
  }
  if (response.status === 429 || response.status >= 500) return parse<never>(response);
  tokens.clear();
  return false;
}

/** Tabs share the tokens, so they must not refresh the same pair at once either. */
async function withCrossTabLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return fn();
  return locks.request('mindsp-token-refresh', fn);
}

/**
 * For connections that authenticate with the access token outside `apiRequest` (the socket):
 * after the server refused `refusedAccessToken`, gets a fresh pair through the same shared,
 * cross-tab refresh. Resolves false when the session is over (tokens cleared).
 */
export function renewAccessToken(refusedAccessToken: string): Promise<boolean> {
  return refreshSession(refusedAccessToken);
}

export function isNetworkError(error: unknown): error is NetworkError {
  return error instanceof NetworkError;
}

export function isApiError(error: unknown, status?: number): error is ApiRequestError {
  return error instanceof ApiRequestError && (status === undefined || error.status === status);
}
