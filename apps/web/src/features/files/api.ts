import type {
  ApiError,
  AttachmentLink,
  AttachmentVariant,
  AttachmentView,
} from '@mindsp/contracts';
import { ApiRequestError, client, dataOf, NetworkError, renewAccessToken } from '../../lib/api';
import type { paths } from '../../lib/api-schema';
import { tokens } from '../../lib/tokens';

/** The REST calls of files in messages. */

export interface UploadProgress {
  loaded: number;
  total: number;
}

export const filesApi = {
  /**
   * Uploads one file to a conversation (then a send names it in `attachmentIds`). XHR rather than
   * fetch: fetch reports no upload progress. A 401 renews the session once, as `api` does.
   */
  upload: async (
    conversationId: string,
    file: File,
    onProgress: (progress: UploadProgress) => void,
    signal?: AbortSignal,
  ): Promise<AttachmentView> => {
    for (let attempt = 1; ; attempt++) {
      const sentWith = tokens.get()?.accessToken;
      let sent = await postFile(conversationId, file, sentWith, onProgress, signal);
      if (sent.status === 401 && sentWith && (await renewAccessToken(sentWith))) {
        sent = await postFile(conversationId, file, tokens.get()?.accessToken, onProgress, signal);
      }
      // The server takes a few uploads of one person at once (the others are told to wait a
      // moment): files picked together go up as their turn comes, not fail.
      const wait = busyWait(sent);
      if (wait === undefined || attempt >= BUSY_ATTEMPTS) return answer(sent);
      onProgress({ loaded: 0, total: file.size });
      await waitOrAbort(wait * 1000, signal);
    }
  },
  /** A short-lived URL that works in an <img> or a plain link (no token needed). */
  link: (
    attachmentId: string,
    variant: AttachmentVariant,
    signal?: AbortSignal,
  ): Promise<AttachmentLink> =>
    dataOf(
      client.GET('/api/attachments/{id}/link', {
        params: { path: { id: attachmentId }, query: { variant } },
        signal,
      }),
    ),
};

interface RawAnswer {
  status: number;
  body: unknown;
}

/** The upload's path in the API's document: XHR builds its URL itself (see `upload`). */
const UPLOAD_PATH = '/api/conversations/{id}/attachments' satisfies keyof paths;

/** Turns waited for, at a couple of seconds each, before an upload is said to have failed. */
const BUSY_ATTEMPTS = 60;

/** Seconds to wait when the server has too many of our uploads in flight; undefined otherwise. */
function busyWait({ status, body }: RawAnswer): number | undefined {
  if (status !== 429) return undefined;
  const error = body as ApiError | null;
  if (error?.code !== 'uploads_busy') return undefined;
  return error.retryAfterSeconds ?? 1;
}

function waitOrAbort(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Upload cancelled', 'AbortError'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('Upload cancelled', 'AbortError'));
      },
      { once: true },
    );
  });
}

function postFile(
  conversationId: string,
  file: File,
  accessToken: string | undefined,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_PATH.replace('{id}', encodeURIComponent(conversationId)));
    xhr.responseType = 'json';
    xhr.setRequestHeader('Accept', 'application/json');
    if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
    xhr.upload.onprogress = (event) =>
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response as unknown });
    xhr.onerror = () => reject(new NetworkError());
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

function answer({ status, body }: RawAnswer): AttachmentView {
  if (status >= 200 && status < 300) return body as AttachmentView;
  const error =
    body && typeof body === 'object' && 'message' in body ? (body as ApiError) : undefined;
  if (!error && status >= 502) throw new NetworkError();
  throw new ApiRequestError(
    status,
    error ? [error.message].flat().join('; ') : `HTTP ${status}`,
    error,
  );
}
