import type { ApiError, ErrorCode } from '@mindsp/contracts';
import createClient from 'openapi-fetch';
import type { paths } from './api-schema';
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

// Absolute, so that a Request can be built outside a page too (unit tests give a `location`).
const baseUrl = globalThis.location?.origin;

/**
 * The API's REST client, typed by the paths of its OpenAPI document (`api-schema.d.ts`, generated
 * by `web:api-client`). It sends the access token, renews the session once on a 401 and sends
 * the request again, and throws every failure (`ApiRequestError`, `NetworkError`): a call's
 * `data` is always the success body.
 */
export const client = createClient<paths>({
  baseUrl,
  fetch: (request) => fetchChecked(request, { withSession: true }),
});

/**
 * For requests whose 401 means "wrong credentials", not "access token expired" (login,
 * refresh): no access token is sent and a 401 triggers no refresh.
 */
export const publicClient = createClient<paths>({
  baseUrl,
  fetch: (request) => fetchChecked(request, { withSession: false }),
});

/** The success body of a client call (failures were thrown); undefined for 204 No Content. */
export async function dataOf<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}

async function fetchChecked(
  request: Request,
  { withSession }: { withSession: boolean },
): Promise<Response> {
  // The body can be read once: the retry after a refresh sends a copy.
  const retry = withSession ? request.clone() : undefined;
  const sentWith = withSession ? tokens.get()?.accessToken : undefined;
  let response = await send(request, sentWith);
  if (response.status === 401 && retry && sentWith !== undefined) {
    if (await refreshSession(sentWith)) response = await send(retry, tokens.get()?.accessToken);
  }
  if (!response.ok) throw await toError(response);
  return response;
}

async function send(request: Request, accessToken: string | undefined): Promise<Response> {
  request.headers.set('Accept', 'application/json');
  if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
  try {
    return await fetch(request);
  } catch (error) {
    if (request.signal.aborted) throw error;
    throw new NetworkError(error);
  }
}

// A dev proxy or load balancer answers these when the API behind it is down.
const UNREACHABLE_STATUSES = new Set([502, 503, 504]);

async function toError(response: Response): Promise<ApiRequestError | NetworkError> {
  const body = await readError(response);
  if (!body && UNREACHABLE_STATUSES.has(response.status)) return new NetworkError();
  const message = body
    ? [body.message].flat().join('; ')
    : response.statusText || `HTTP ${response.status}`;
  return new ApiRequestError(
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

  try {
    const { data } = await publicClient.POST('/api/auth/refresh', {
      body: { refreshToken: current.refreshToken },
    });
    tokens.set(data!);
    return true;
  } catch (error) {
    // Refused: the session is over. Unreachable, busy or failing says nothing about the
    // session: keep the tokens and let the caller's request fail with that error.
    if (!isApiError(error) || error.status === 429 || error.status >= 500) throw error;
    tokens.clear();
    return false;
  }
}

/** Tabs share the tokens, so they must not refresh the same pair at once either. */
async function withCrossTabLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return fn();
  return locks.request('mindsp-token-refresh', fn);
}

/**
 * For connections that authenticate with the access token outside `client` (the socket):
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
