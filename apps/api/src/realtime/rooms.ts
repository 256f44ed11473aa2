/** Room names. Clients never join rooms by name: the server joins them after checking. */
export const rooms = {
  tenant: (tenantId: string) => `tenant:${tenantId}`,
  user: (userId: string) => `user:${userId}`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  /** The sockets of one sign-in (refresh-token family): closed together when it is revoked. */
  session: (sessionId: string) => `session:${sessionId}`,
  /** The sockets following a person's presence (local to each instance: see PresenceFanoutService). */
  presence: (userId: string) => `presence:${userId}`,
};
