import { PRESENCE_LIMITS, type ConversationView, type PresenceView } from '@mindsp/contracts';

/** What this tab knows of people's presence, by user id. */
export type PresenceState = Record<string, PresenceView>;

/**
 * A subscription ack or a `presence` batch, applied: later states replace earlier ones. The same
 * object comes back when nothing changed, so nothing re-renders.
 */
export function applyPresenceBatch(
  state: PresenceState | undefined,
  batch: PresenceView[],
): PresenceState {
  const current = state ?? {};
  let next: PresenceState | undefined;
  for (const change of batch) {
    const known = (next ?? current)[change.userId];
    if (
      known &&
      known.online === change.online &&
      (known.lastSeenAt === change.lastSeenAt || change.online)
    )
      continue;
    next ??= { ...current };
    next[change.userId] = change;
  }
  return next ?? current;
}

/** Where the people on screen come from, most wanted first. */
export interface PresenceSources {
  /** The open conversation (its members matter most). */
  open?: Pick<ConversationView, 'members'>;
  /** The conversations listed, in list order. */
  listed: Pick<ConversationView, 'members'>[];
  /** Anyone else shown (the online list, search results). */
  others: string[];
}

/**
 * Whose presence to follow: the people this tab shows, without me, at most
 * `PRESENCE_LIMITS.subscriptionMax`, sorted so that the same people give the same list
 * (nothing is re-sent to the server when only the order changed).
 */
export function presenceTargets(myId: string, sources: PresenceSources): string[] {
  const wanted = new Set<string>();
  const add = (id: string) => {
    if (id !== myId && wanted.size < PRESENCE_LIMITS.subscriptionMax) wanted.add(id);
  };
  for (const member of sources.open?.members ?? []) add(member.id);
  for (const conversation of sources.listed)
    for (const member of conversation.members) add(member.id);
  for (const id of sources.others) add(id);
  return [...wanted].sort();
}

export function sameTargets(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
