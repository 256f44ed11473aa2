import type { ConversationView, Page } from '@mindsp/contracts';
import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { conversationKeys } from '../keys';
import { ALICE, conversation, message } from './fixtures';
import { storeMessage } from './store';

describe('a live event while the conversation list is being read', () => {
  it.each([
    ['its first load', false],
    ['a refetch (a reconnection asks for one)', true],
  ])(
    'reads the list again after the event during %s: that read was made before it',
    async (_, cached) => {
      const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
      if (cached)
        queryClient.setQueryData(conversationKeys.list(''), {
          pages: [{ items: [conversation({ lastSeq: 0, lastMessage: null })], nextCursor: null }],
          pageParams: [undefined],
        });
      // The server's answers: before the message, then after it.
      const answers = [
        conversation({ lastSeq: 0, lastMessage: null }),
        conversation({ lastSeq: 1, lastMessage: message(1) }),
      ];
      let answerFirst!: () => void;
      const firstHeld = new Promise<void>((resolve) => (answerFirst = resolve));
      let fetches = 0;
      // The list on screen (an observer, as the page's hook is).
      const list = new InfiniteQueryObserver(queryClient, {
        queryKey: conversationKeys.list(''),
        queryFn: async (): Promise<Page<ConversationView>> => {
          const answer = answers[Math.min(fetches++, 1)]!;
          if (fetches === 1) await firstHeld;
          return { items: [answer], nextCursor: null };
        },
        initialPageParam: undefined as string | undefined,
        getNextPageParam: () => undefined,
      });
      const unsubscribe = list.subscribe(() => undefined);
      await vi.waitFor(() => expect(fetches).toBe(1));

      // The message arrives while the first read, made before it, is on its way.
      storeMessage(queryClient, message(1), ALICE);
      answerFirst();

      // Read once more, after the event, and not again.
      await vi.waitFor(() => {
        expect(fetches).toBe(2);
        expect(list.getCurrentResult().isFetching).toBe(false);
      });
      const [first] = list.getCurrentResult().data!.pages[0]!.items;
      expect(first!.lastMessage?.body).toBe('message 1');
      unsubscribe();
    },
  );
});
