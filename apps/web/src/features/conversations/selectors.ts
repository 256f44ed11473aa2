import type { ConversationView, MemberView, Page } from '@mindsp/contracts';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import i18n from '../../i18n';
import { findConversationInLists } from './cache/store';
import { conversationKeys } from './keys';
import { findMember } from './members';
import { isEveryone, mentionsAsText } from './mentions';
import { conversationTitle } from './names';

/**
 * What other features may read of the conversations' cache. They call these instead of walking
 * conversation query keys, so the cache's shape can change here alone.
 */

/** A conversation as the lists hold it now, if loaded. */
export function cachedConversation(
  queryClient: QueryClient,
  conversationId: string,
): ConversationView | undefined {
  return findConversationInLists(queryClient, conversationId);
}

/**
 * A message told outside its conversation (a desktop notification): where, who, and the body
 * with each mention as `@` and the person's current name, as the bubble shows it.
 */
export function describeMessage(
  queryClient: QueryClient,
  message: { conversationId: string; senderId?: string; body: string },
  myId: string,
): { place?: string; senderName?: string; text: string } {
  const conversation = cachedConversation(queryClient, message.conversationId);
  const labelOf = (id: string) =>
    isEveryone(id)
      ? i18n.t('replies.everyone')
      : ((conversation && findMember(conversation, id)?.member.displayName) ??
        i18n.t('replies.unknownPerson'));
  return {
    place: conversation && conversationTitle(conversation, myId),
    senderName: message.senderId
      ? conversation?.members.find((member) => member.id === message.senderId)?.displayName
      : undefined,
    text: mentionsAsText(message.body, labelOf),
  };
}

/**
 * The people the conversations on screen show (the open one's members, the listed ones', a
 * group's members paged in its details): presence follows them.
 */
export function membersOnScreen(queryClient: QueryClient): {
  open?: ConversationView;
  listed: ConversationView[];
  others: string[];
} {
  const cache = queryClient.getQueryCache();
  const onScreen = (queryKey: readonly unknown[]) =>
    cache.findAll({ queryKey }).filter((query) => query.getObserversCount() > 0);
  const open = onScreen(conversationKeys.all)
    .map((query) => query.state.data as ConversationView | undefined)
    .find((data) => data && 'members' in data);
  const listed = onScreen(conversationKeys.lists()).flatMap(
    (query) =>
      (query.state.data as InfiniteData<Page<ConversationView>> | undefined)?.pages.flatMap(
        (page) => page.items,
      ) ?? [],
  );
  const others = onScreen([...conversationKeys.all, 'members']).flatMap(
    (query) =>
      (query.state.data as InfiniteData<Page<MemberView>> | undefined)?.pages.flatMap((page) =>
        page.items.map((m) => m.id),
      ) ?? [],
  );
  return { open, listed, others };
}
