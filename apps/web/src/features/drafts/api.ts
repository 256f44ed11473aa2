import type { DraftView } from '@mindsp/contracts';
import { api } from '../../lib/api';

const draftPath = (conversationId: string) => `/api/conversations/${conversationId}/draft`;

/** The unsent text of a conversation, kept on the server for every device of the user. */
export const draftsApi = {
  get: (conversationId: string, signal?: AbortSignal) =>
    api.get<DraftView>(draftPath(conversationId), { signal }),
  /** A blank body removes the draft. */
  save: (conversationId: string, body: string) =>
    api.put<DraftView>(draftPath(conversationId), { body }),
};
