import type {
  ApiError,
  AttachmentLink,
  AttachmentVariant,
  AttachmentView,
} from '@mindsp/contracts';
import { api, ApiRequestError, NetworkError, queryString, renewAccessToken } from '../../lib/api';
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
    const sentWith = tokens.get()?.accessToken;
    const first = await postFile(conversationId, file, sentWith, onProgress, signal);
    if (first.status === 401 && sentWith && (await renewAccessToken(sentWith))) {
      return answer(
        await postFile(conversationId, file, tokens.get()?.accessToken, onProgress, signal),
      );
    }
    return answer(first);
  },
  /** A short-lived URL that works in an <img> or a plain link (no token needed). */
  link: (attachmentId: string, variant: AttachmentVariant, signal?: AbortSignal) =>
    api.get<AttachmentLink>(`/api/attachments/${attachmentId}/link${queryString({ variant })}`, {
      signal,
    }),
};

interface RawAnswer {
  status: number;
  body: unknown;
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
    xhr.open('POST', `/api/conversations/${conversationId}/attachments`);
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
