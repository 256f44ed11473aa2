import { type AttachmentView, FILE_LIMITS } from '@mindsp/contracts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api';
import { filesApi } from '../api';

export type UploadError = 'tooLarge' | 'quotaFull' | 'imageTooLarge' | 'refused' | 'failed';

/**
 * 413: past the size limit, the organisation's quota, or an image too large to decode; 415: a
 * type refused (programs and scripts too), or content that lies about its type.
 */
function uploadError(error: unknown): UploadError {
  if (isApiError(error, 413)) {
    if (error.body?.code === 'storage_quota_exceeded') return 'quotaFull';
    if (error.body?.code === 'image_too_large') return 'imageTooLarge';
    return 'tooLarge';
  }
  if (isApiError(error, 415)) return 'refused';
  return 'failed';
}

export interface Upload {
  key: string;
  conversationId: string;
  name: string;
  size: number;
  /** 0 to 1. */
  progress: number;
  status: 'uploading' | 'ready' | 'failed';
  view?: AttachmentView;
  /** Why it failed, for the words shown (the server's own message is English, for developers). */
  error?: UploadError;
}

/**
 * The files attached in a composer, uploaded as soon as they are picked, pasted or dropped, so
 * that sending only names them. Each conversation keeps its own (a draft's files stay there).
 */
export function useAttachmentUploads(conversationId: string) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const aborts = useRef(new Map<string, AbortController>());

  const update = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((current) => current.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      for (const file of files) {
        const key = crypto.randomUUID();
        const upload: Upload = {
          key,
          conversationId,
          name: file.name,
          size: file.size,
          progress: 0,
          status: 'uploading',
        };
        // The server says the same, but a 100 MB video need not travel to learn it.
        if (file.size > FILE_LIMITS.maxBytesDefault) {
          setUploads((current) => [...current, { ...upload, status: 'failed', error: 'tooLarge' }]);
          continue;
        }
        setUploads((current) => [...current, upload]);
        const abort = new AbortController();
        aborts.current.set(key, abort);
        filesApi
          .upload(
            conversationId,
            file,
            ({ loaded, total }) => update(key, { progress: total ? loaded / total : 0 }),
            abort.signal,
          )
          .then((view) => update(key, { status: 'ready', progress: 1, view }))
          .catch((error: unknown) => {
            if (abort.signal.aborted) return;
            update(key, { status: 'failed', error: uploadError(error) });
          })
          .finally(() => aborts.current.delete(key));
      }
    },
    [conversationId, update],
  );

  const remove = useCallback((key: string) => {
    aborts.current.get(key)?.abort();
    setUploads((current) => current.filter((u) => u.key !== key));
  }, []);

  /** Once sent: the conversation's ready files are gone from the composer. */
  const clearSent = useCallback(() => {
    setUploads((current) =>
      current.filter((u) => u.conversationId !== conversationId || u.status !== 'ready'),
    );
  }, [conversationId]);

  return useMemo(() => {
    const here = uploads.filter((u) => u.conversationId === conversationId);
    return {
      uploads: here,
      ready: here.flatMap((u) => (u.status === 'ready' && u.view ? [u.view] : [])),
      busy: here.some((u) => u.status === 'uploading'),
      add,
      remove,
      clearSent,
    };
  }, [uploads, conversationId, add, remove, clearSent]);
}
