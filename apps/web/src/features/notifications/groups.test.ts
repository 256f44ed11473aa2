import { describe, expect, it } from 'vitest';
import { notification } from './cache/fixtures';
import { groupNotifications, groupOf } from './groups';

describe('groupNotifications', () => {
  it('sorts by section in the order FMPA, Messages, Système, keeping each newest first', () => {
    const sections = groupNotifications([
      notification('s1', { type: 'system' }),
      notification('m1', { type: 'message' }),
      notification('f1', { type: 'fmpa' }),
      notification('a1', { type: 'alert' }),
      notification('r1', { type: 'reminder' }),
      notification('n1', { type: 'mention' }),
    ]);
    expect(sections.map(({ group, items }) => [group, items.map((item) => item.id)])).toEqual([
      ['fmpa', ['f1', 'r1']],
      ['messages', ['m1', 'n1']],
      ['system', ['s1', 'a1']],
    ]);
  });

  it('leaves out empty sections', () => {
    expect(
      groupNotifications([notification('m', { type: 'message' })]).map((s) => s.group),
    ).toEqual(['messages']);
    expect(groupNotifications([])).toEqual([]);
  });

  it('puts alerts with the system notifications', () => {
    expect(groupOf('alert')).toBe('system');
  });
});
