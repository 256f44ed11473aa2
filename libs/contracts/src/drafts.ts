/** The text a member typed in a conversation and has not sent: kept per user, on every device. */
export interface DraftView {
  conversationId: string;
  /** '' when there is none. */
  body: string;
  /** When it was last saved; null when there is none. */
  updatedAt: string | null;
}

/** Saving a blank body removes the draft. Bounded as a message body is. */
export interface SaveDraftRequest {
  body: string;
}
