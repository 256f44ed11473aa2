/** Bodies up to this many characters come back whole in `highlight`; longer ones as excerpts. */
export const WHOLE_BODY_HIGHLIGHT = 280;

/**
 * The message search, shared by SearchService and `pnpm bench` (which EXPLAINs it).
 * $1 text, $2 caller id, $3 tenant id, $4 conversation id or null, $5 limit + 1, $6 offset,
 * $7 WHOLE_BODY_HIGHLIGHT.
 */
export const SEARCH_SQL = `WITH q AS (SELECT websearch_to_tsquery('mindsp_search', $1) AS query)
       SELECT m.id, m.conversation_id, m.seq, m.sender_id, m.body, m.client_message_id,
              m.created_at, m.edited_at, m.deleted_at, c.title,
              -- Fragments cut words around the match even when the whole body is short
              -- ("La réunion est reportée" came back as "«réunion» est reportée"): a short body
              -- is highlighted whole, only a long one is cut to excerpts.
              CASE WHEN char_length(m.body) <= $7
                THEN ts_headline('mindsp_search', m.body, q.query, 'StartSel=«, StopSel=», HighlightAll=true')
                ELSE ts_headline('mindsp_search', m.body, q.query,
                                 'StartSel=«, StopSel=», HighlightAll=false, MaxWords=30, MinWords=10, MaxFragments=2')
              END AS highlight
       FROM q, messages m
       JOIN conversation_members me ON me.conversation_id = m.conversation_id AND me.user_id = $2
       JOIN conversations c ON c.id = m.conversation_id AND c.tenant_id = $3
       WHERE m.search_vector @@ q.query
         AND m.deleted_at IS NULL
         AND ($4::uuid IS NULL OR m.conversation_id = $4::uuid)
       -- Normalisation 1 (rank / (1 + log(length))): the same word count in a shorter message
       -- ranks higher, instead of tying and falling back to the newest.
       ORDER BY ts_rank_cd(m.search_vector, q.query, 1) DESC, m.created_at DESC, m.id
       LIMIT $5 OFFSET $6`;
