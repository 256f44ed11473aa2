import { describe, expect, it } from 'vitest';
import { READ_AT, notification, page } from './fixtures';
import { applyRead, readsUnknown, receiveNotification } from './notifications';

const ids = (current: { items: { id: string }[] }) => current.items.map((item) => item.id);

describe('receiveNotification', () => {
  it('puts a new notification on top and counts it unread', () => {
    const next = receiveNotification(page([notification('a')]), notification('b'));
    expect(ids(next)).toEqual(['b', 'a']);
    expect(next.unreadCount).toBe(2);
  });

  it('replaces a coalesced notification it already holds, counting it once', () => {
    const current = page([notification('a'), notification('m', { title: '2 new messages' })]);
    const next = receiveNotification(current, notification('m', { title: '3 new messages' }));
    expect(ids(next)).toEqual(['m', 'a']);
    expect(next.items[0].title).toBe('3 new messages');
    expect(next.unreadCount).toBe(2);
  });

  it('counts again a notification that was read and comes back unread', () => {
    const current = page([notification('m', { readAt: READ_AT })]);
    expect(receiveNotification(current, notification('m')).unreadCount).toBe(1);
  });

  it('counts a notification beyond the loaded ones from the server count', () => {
    const current = page([notification('a')], 7);
    expect(receiveNotification(current, notification('b')).unreadCount).toBe(8);
  });
});

describe('applyRead', () => {
  it('marks the named notifications read and lowers the count by those that were unread', () => {
    const current = page([notification('a'), notification('b'), notification('c')]);
    const next = applyRead(current, { ids: ['a', 'c'] }, READ_AT);
    expect(next.items.map((item) => item.readAt)).toEqual([READ_AT, null, READ_AT]);
    expect(next.unreadCount).toBe(1);
  });

  it('changes nothing for a notification already read (a second tab tells again)', () => {
    const current = page([notification('a', { readAt: READ_AT }), notification('b')]);
    expect(applyRead(current, { ids: ['a'] }, READ_AT)).toBe(current);
  });

  it('marks all read and clears the count, also the unread ones not loaded', () => {
    const current = page([notification('a'), notification('b', { readAt: READ_AT })], 9);
    const next = applyRead(current, { all: true }, READ_AT);
    expect(next.items.every((item) => item.readAt !== null)).toBe(true);
    expect(next.unreadCount).toBe(0);
  });
});

describe('readsUnknown', () => {
  it('is true when an id is not held, so the caller asks the server again', () => {
    const current = page([notification('a')]);
    expect(readsUnknown(current, { ids: ['a'] })).toBe(false);
    expect(readsUnknown(current, { ids: ['a', 'z'] })).toBe(true);
    expect(readsUnknown(current, { all: true })).toBe(false);
  });
});
