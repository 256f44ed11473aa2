import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCurrentUser } from '../../auth/queries';
import { conversationsApi } from '../api';
import { forgetConversation, storeConversation } from '../cache/store';

/** A group's settings: its title, its members, and leaving it. */
export function useGroupSettings(conversationId: string) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const rename = useMutation({
    mutationFn: (title: string) => conversationsApi.rename(conversationId, title),
    onSuccess: (conversation) => storeConversation(queryClient, conversation),
  });
  const addMembers = useMutation({
    mutationFn: (userIds: string[]) => conversationsApi.addMembers(conversationId, userIds),
    onSuccess: (conversation) => storeConversation(queryClient, conversation),
  });
  /** It disappears from my list (the server also tells my other tabs). */
  const leave = useMutation({
    mutationFn: () => conversationsApi.removeMember(conversationId, me.id),
    onSuccess: () => forgetConversation(queryClient, conversationId),
  });
  return { rename, addMembers, leave };
}
