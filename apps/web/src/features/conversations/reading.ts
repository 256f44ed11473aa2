/** Reading aids of a conversation's history: runs of one sender, where unread starts, what is new. */

/** Messages of one sender this close together read as one run: one name, one time. */
export const RUN_WINDOW_MS = 5 * 60_000;

interface Timed {
  senderId: string;
  createdAt: string;
}

/**
 * Whether `message` starts a new run after `previous` (undefined after a day separator or at the
 * top): another sender, or a pause longer than RUN_WINDOW_MS.
 */
export function startsRun(previous: Timed | undefined, message: Timed): boolean {
  if (!previous || previous.senderId !== message.senderId) return true;
  return Date.parse(message.createdAt) - Date.parse(previous.createdAt) > RUN_WINDOW_MS;
}

interface Sequenced {
  seq: number;
  senderId: string;
}

/**
 * The first message someone else sent after my read watermark: where "New messages" goes. My own
 * messages are never unread to me (sending marks the conversation read).
 */
export function firstUnreadSeq(
  messages: readonly Sequenced[],
  lastReadSeq: number,
  myId: string,
): number | undefined {
  return messages.find((m) => m.seq > lastReadSeq && m.senderId !== myId)?.seq;
}

/** How many messages of others came after `seenUpTo`: the count on "jump to latest". */
export function newSince(messages: readonly Sequenced[], seenUpTo: number, myId: string): number {
  let count = 0;
  for (let i = messages.length - 1; i >= 0 && messages[i]!.seq > seenUpTo; i--)
    if (messages[i]!.senderId !== myId) count++;
  return count;
}
