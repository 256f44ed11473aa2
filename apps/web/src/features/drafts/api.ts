import type { DraftView } from '@mindsp/contracts';
import { client, dataOf } from '../../lib/api';

const draft = (conversationId: string) => ({ params: { path: { id: conversationId } } });

/** The unsent text of a conversation, kept on the server for every device of the user. */
export const draftsApi = {
  get: (conversationId: string, signal?: AbortSignal): Promise<DraftView> =>
    dataOf(client.GET('/api/conversations/{id}/draft', { ...draft(conversationId), signal })),
  /** A blank body removes the draft. */
  save: (conversationId: string, body: string): Promise<DraftView> =>
    dataOf(
      client.PUT('/api/conversations/{id}/draft', { ...draft(conversationId), body: { body } }),
    ),
};
