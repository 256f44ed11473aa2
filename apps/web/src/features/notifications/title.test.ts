import type { ConversationView } from '@mindsp/contracts';
import { describe, expect, it } from 'vitest';
import { READ_AT, notification, page } from './cache/fixtures';
import { tabTitle, unreadForTitle } from './title';

const conversation = (id: string, unreadCount: number) =>
  ({ id, unreadCount }) as unknown as ConversationView;

describe('unreadForTitle', () => {
  it('counts unread conversations and unread notifications', () => {
    const notifications = page([notification('s', { type: 'system' })]);
    expect(unreadForTitle(notifications, [conversation('c1', 3), conversation('c2', 0)])).toBe(2);
  });

  it('does not count a message notification twice with its unread conversation', () => {
    const notifications = page([
      notification('m', { type: 'message' }),
      notification('f', { type: 'fmpa' }),
      notification('old', { type: 'system', readAt: READ_AT }),
    ]);
    expect(unreadForTitle(notifications, [conversation('c1', 3)])).toBe(2);
  });

  it('counts unread notifications beyond those loaded, from the server count', () => {
    expect(unreadForTitle(page([notification('s')], 5), [])).toBe(5);
  });

  it('counts the conversations alone before the notifications have loaded', () => {
    expect(unreadForTitle(undefined, [conversation('c1', 1)])).toBe(1);
  });
});

describe('tabTitle', () => {
  it('puts the count in front of the name', () => {
    expect(tabTitle('MindSP Messaging', 3)).toBe('(3) MindSP Messaging');
  });

  it('is the bare name when nothing is unread', () => {
    expect(tabTitle('MindSP Messaging', 0)).toBe('MindSP Messaging');
  });

  it('caps a large count', () => {
    expect(tabTitle('MindSP Messaging', 250)).toBe('(99+) MindSP Messaging');
  });
});
