import type { ConversationView, MessageView, Page } from '@mindsp/contracts';
import { type InfiniteData, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { MessagePages } from './cache/messages';
import { ALICE, conversation, history, message, seqs } from './cache/fixtures';
import type { PendingMessage } from './cache/pending';
import { conversationKeys, messageKeys, pendingKeys } from './keys';
import { receiveMessage } from './sync';

/** A tab that shows the conversation and its list, with my message 4 typed and pending. */
function tabWithPendingSend() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(messageKeys.history('c1'), history([[1, 2, 3]]));
  queryClient.setQueryData<InfiniteData<Page<ConversationView>>>(conversationKeys.list(''), {
    pages: [{ items: [conversation()], nextCursor: null }],
    pageParams: [undefined],
  });
  const pending: PendingMessage = {
    conversationId: 'c1',
    clientMessageId: 'client-4',
    body: 'message 4',
    createdAt: message(4).createdAt,
    status: 'sending',
  };
  queryClient.setQueryData(pendingKeys.list('c1'), [pending]);
  const writes: unknown[] = [];
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success')
      writes.push(event.query.queryKey);
  });
  return { queryClient, writes };
}

describe('my own message, answered by the ack and announced by message:new', () => {
  const mine: MessageView = message(4, { senderId: ALICE });

  it.each([
    ['the ack first', 'ack'],
    ['message:new first', 'event'],
  ])('is stored once with %s: the second arrival writes nothing', (_, first) => {
    const { queryClient, writes } = tabWithPendingSend();
    // Both paths hand the message to the same writer; the order depends on the network.
    receiveMessage(queryClient, mine, ALICE);
    const afterFirst = writes.length;
    expect(afterFirst, `${first} stored it`).toBeGreaterThan(0);
    receiveMessage(queryClient, { ...mine }, ALICE);

    expect(writes).toHaveLength(afterFirst);
    expect(seqs(queryClient.getQueryData<MessagePages>(messageKeys.history('c1')))).toEqual([
      1, 2, 3, 4,
    ]);
    expect(queryClient.getQueryData(pendingKeys.list('c1'))).toEqual([]);
    const list = queryClient.getQueryData<InfiniteData<Page<ConversationView>>>(
      conversationKeys.list(''),
    );
    expect(list?.pages[0]?.items[0]?.lastMessage?.id).toBe(mine.id);
    expect(list?.pages[0]?.items[0]?.unreadCount).toBe(0);
  });

  it('takes a later version of the same message (an edit that overtook it)', () => {
    const { queryClient } = tabWithPendingSend();
    receiveMessage(queryClient, mine, ALICE);
    receiveMessage(queryClient, { ...mine, body: 'edited', changeSeq: 9 }, ALICE);
    const stored = queryClient
      .getQueryData<MessagePages>(messageKeys.history('c1'))!
      .pages.flatMap((page) => page.items)
      .filter((item) => item.id === mine.id);
    expect(stored.map((item) => item.body)).toEqual(['edited']);
  });
});
