import { EventEmitter } from 'node:events';
import type { MessageView } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import type { EventWriters, HandlerOf, SocketEventName } from '../lib/socket';
import { routeSocketEvents } from './socketEventRouter';

/** The socket's side of the router: a real emitter stands in for the connection's events. */
function connection() {
  const emitter = new EventEmitter();
  const subscribe = <E extends SocketEventName>(event: E, handler: HandlerOf<E>) => {
    emitter.on(event, handler as (...args: unknown[]) => void);
    return () => void emitter.off(event, handler as (...args: unknown[]) => void);
  };
  return { emitter, subscribe };
}

const message = { id: 'm1', conversationId: 'c1', seq: 1 } as MessageView;

describe('the socket-event router', () => {
  it('hands each event to every feature that writes it, in order, from one subscription', () => {
    const { emitter, subscribe } = connection();
    const seen: string[] = [];
    const conversations: EventWriters = {
      'message:new': (m) => seen.push(`conversations stored ${m.id}`),
      connect: () => seen.push('conversations caught up'),
    };
    const notifications: EventWriters = {
      'message:new': (m) => seen.push(`notifications told ${m.id}`),
      'notification:read': () => seen.push('notifications read'),
    };
    routeSocketEvents(() => [conversations, notifications], subscribe);

    expect(emitter.listenerCount('message:new')).toBe(1);
    expect(emitter.eventNames().sort()).toEqual(['connect', 'message:new', 'notification:read']);
    emitter.emit('message:new', message);
    emitter.emit('connect');
    expect(seen).toEqual([
      'conversations stored m1',
      'notifications told m1',
      'conversations caught up',
    ]);
  });

  it('uses the writers of the moment, and stops on unsubscribe', () => {
    const { emitter, subscribe } = connection();
    const seen: string[] = [];
    let writers: EventWriters[] = [{ typing: () => seen.push('first') }];
    const stop = routeSocketEvents(() => writers, subscribe);
    emitter.emit('typing', { conversationId: 'c1', userId: 'u1', typing: true });
    writers = [{ typing: () => seen.push('rebuilt') }];
    emitter.emit('typing', { conversationId: 'c1', userId: 'u1', typing: true });
    stop();
    emitter.emit('typing', { conversationId: 'c1', userId: 'u1', typing: true });
    expect(seen).toEqual(['first', 'rebuilt']);
    expect(emitter.listenerCount('typing')).toBe(0);
  });
});
