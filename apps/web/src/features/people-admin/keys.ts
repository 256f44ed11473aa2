/** Query keys of the admin's pages on their organisation. */
export const peopleAdminKeys = {
  all: ['people-admin'] as const,
  storage: () => [...peopleAdminKeys.all, 'storage'] as const,
};
