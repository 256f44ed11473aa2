import type { PresenceView } from '@mindsp/contracts';
import type { Person } from './messaging';
import type { TestSocket } from './sockets';

/** Makes `socket` follow these people's presence; resolves with their state now (the ack). */
export function follow(socket: TestSocket, ...people: Person[]): Promise<PresenceView[]> {
  return socket.ok('presence:subscribe', { userIds: people.map((p) => p.id) });
}

/** Every presence change of `who` this socket received, in order, over all its batches. */
export function changesOf(socket: TestSocket, who: Person): PresenceView[] {
  return socket.all('presence').flatMap((batch) => batch.filter((p) => p.userId === who.id));
}

/** The first change matching, already received or still to come (batches come once a second). */
export async function changeOf(
  socket: TestSocket,
  match: (p: PresenceView) => boolean,
  timeoutMs?: number,
): Promise<PresenceView> {
  const batch = await socket.waitFor('presence', (b) => b.some(match), timeoutMs);
  return batch.find(match)!;
}

/** A window long enough for a batch to have gone out if one were due. */
export const BATCH_WINDOW_MS = 1500;
