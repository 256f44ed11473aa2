import type { AttachmentView } from '@mindsp/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { isRetryable } from '../../../lib/retry';
import { retryAfterOf } from '../../../lib/retryAfter';
import { useCurrentUser } from '../../auth/queries';
import { messagesApi } from '../api';
import { type PendingMessage, updatePending } from '../cache/pending';
import { setPending } from '../cache/store';
import { receiveMessage } from '../sync';

/**
 * `send(body, { replyToId, attachments })` shows the message at once as pending, then replaces it with the stored one.
 * A failed one stays, marked, until `retry` (same clientMessageId) or `discard`.
 */
export function useSendMessage(conversationId: string) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const { mutate } = useMutation({
    mutationFn: ({ clientMessageId, body, replyToId, attachments }: PendingMessage) =>
      messagesApi.send(conversationId, clientMessageId, body, {
        replyToId,
        attachmentIds: attachments?.map((a) => a.id),
      }),
    retry: (failures, error) => failures < 3 && isRetryable(error),
    retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 8_000),
    // The same writer as `message:new`: whichever of the two comes first stores it, once.
    onSuccess: (message) => receiveMessage(queryClient, message, me.id),
    onError: (error, failed) =>
      setPending(queryClient, conversationId, (pending) =>
        updatePending(pending, failed.clientMessageId, (item) => ({
          ...item,
          status: 'failed',
          retryAfterSeconds: retryAfterOf(error),
        })),
      ),
  });

  const send = useCallback(
    (
      body: string,
      { replyToId, attachments }: { replyToId?: string; attachments?: AttachmentView[] } = {},
    ) => {
      const pending: PendingMessage = {
        conversationId,
        clientMessageId: crypto.randomUUID(),
        body,
        replyToId,
        ...(attachments?.length ? { attachments } : {}),
        createdAt: new Date().toISOString(),
        status: 'sending',
      };
      setPending(queryClient, conversationId, (current) => [...current, pending]);
      mutate(pending);
    },
    [conversationId, mutate, queryClient],
  );

  const retry = useCallback(
    (failed: PendingMessage) => {
      const again: PendingMessage = { ...failed, status: 'sending', retryAfterSeconds: undefined };
      setPending(queryClient, conversationId, (current) =>
        updatePending(current, failed.clientMessageId, () => again),
      );
      mutate(again);
    },
    [conversationId, mutate, queryClient],
  );

  const discard = useCallback(
    (failed: PendingMessage) =>
      setPending(queryClient, conversationId, (current) =>
        updatePending(current, failed.clientMessageId, () => null),
      ),
    [conversationId, queryClient],
  );

  return useMemo(() => ({ send, retry, discard }), [send, retry, discard]);
}
