import type { ConversationView, MemberView } from '@mindsp/contracts';

/** In a direct conversation, the person I talk with. */
export function otherMember(conversation: ConversationView, myId: string): MemberView | undefined {
  return conversation.kind === 'direct'
    ? conversation.members.find((member) => member.id !== myId)
    : undefined;
}

/** A group's title; a direct conversation is named after the other person. */
export function conversationTitle(conversation: ConversationView, myId: string): string {
  if (conversation.title) return conversation.title;
  const others = conversation.members.filter((member) => member.id !== myId);
  return (others.length ? others : conversation.members)
    .map((member) => member.displayName)
    .join(', ');
}
