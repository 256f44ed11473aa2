/** The query keys of drafts. */
export const draftKeys = {
  all: ['drafts'] as const,
  detail: (conversationId: string) => [...draftKeys.all, { conversationId }] as const,
};
