import type { ConversationView, FormerMemberView, MemberView } from '@mindsp/contracts';

export type FoundMember =
  { member: MemberView; former: false } | { member: FormerMemberView; former: true };

/** A member, or someone who was one (their name stays on their messages). */
export function findMember(
  conversation: ConversationView,
  userId: string,
): FoundMember | undefined {
  const member = conversation.members.find((item) => item.id === userId);
  if (member) return { member, former: false };
  const former = (conversation.formerMembers ?? []).find((item) => item.id === userId);
  return former ? { member: former, former: true } : undefined;
}
