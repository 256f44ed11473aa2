import { useEffect, useEffectEvent } from 'react';
import {
  type EventWriters,
  type HandlerOf,
  type SocketEventName,
  onSocketEvent,
} from '../lib/socket';
import { useAlertEventWriters } from '../features/alerts/events';
import { useConversationEventWriters } from '../features/conversations/events';
import { membersOnScreen } from '../features/conversations/selectors';
import { useNotificationEventWriters } from '../features/notifications/events';
import { usePeopleEventWriters, usePresenceFollowing } from '../features/people/events';

type Subscribe = <E extends SocketEventName>(event: E, handler: HandlerOf<E>) => () => void;

/**
 * Subscribes each event that any feature writes once, and hands every arrival to each feature's
 * writer for it, in the order of `writers()` (read at each event, so writers may be rebuilt).
 * Returns the unsubscribe.
 */
export function routeSocketEvents(
  writers: () => readonly EventWriters[],
  subscribe: Subscribe = onSocketEvent,
): () => void {
  const events = new Set(writers().flatMap((set) => Object.keys(set) as SocketEventName[]));
  const stops = [...events].map((event) =>
    subscribe(event, ((...args: unknown[]) => {
      for (const set of writers())
        (set[event] as ((...payload: unknown[]) => void) | undefined)?.(...args);
    }) as HandlerOf<typeof event>),
  );
  return () => stops.forEach((stop) => stop());
}

/**
 * The one socket-event router: mount once for the signed-in user. A new feature that listens to
 * the socket exports `use<Feature>EventWriters()` from its `events.ts` and is added here.
 */
export function useSocketEventRouter() {
  // Conversations first: a message is in the cache before anyone reacts to it.
  const writers = [
    useConversationEventWriters(),
    usePeopleEventWriters(),
    useNotificationEventWriters(),
    useAlertEventWriters(),
  ];
  const current = useEffectEvent(() => writers);
  useEffect(() => routeSocketEvents(() => current()), []);
  // Presence follows the people on screen, those of conversations included (their selector).
  usePresenceFollowing(membersOnScreen);
}
