/** The query keys of the people of my organisation; the filter is a named part. */
export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => [...userKeys.all, 'list', { q }] as const,
};
