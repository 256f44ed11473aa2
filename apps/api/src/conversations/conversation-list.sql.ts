/**
 * The caller's conversations, most recent activity first; shared by ConversationsService and
 * `pnpm bench`. $1 caller id, $2 tenant id, $3 limit + 1; `filters` adds search and cursor terms.
 */
export function conversationListSql(filters = ''): string {
  return `SELECT c.id, c.updated_at::text AS updated_key
         FROM conversation_members me JOIN conversations c ON c.id = me.conversation_id
         WHERE me.user_id = $1 AND c.tenant_id = $2 ${filters}
         ORDER BY c.updated_at DESC, c.id DESC
         LIMIT $3`;
}
