import type { AttachmentView } from '@mindsp/contracts';

/** A message typed here that the server has not confirmed yet. */
export interface PendingMessage {
  conversationId: string;
  clientMessageId: string;
  body: string;
  /** The message it answers, if any. */
  replyToId?: string;
  createdAt: string;
  status: 'sending' | 'failed';
  /** Failed because I sent too much: the server's wait, in seconds, when it said. */
  retryAfterSeconds?: number;
  /** Files uploaded already, sent with it. */
  attachments?: AttachmentView[];
}

/** The pending list with one entry (by clientMessageId) changed by `update`, or removed when it returns null. */
export function updatePending(
  pending: PendingMessage[],
  clientMessageId: string,
  update: (item: PendingMessage) => PendingMessage | null,
): PendingMessage[] {
  if (!pending.some((item) => item.clientMessageId === clientMessageId)) return pending;
  return pending.flatMap((item) => {
    if (item.clientMessageId !== clientMessageId) return [item];
    const next = update(item);
    return next ? [next] : [];
  });
}
