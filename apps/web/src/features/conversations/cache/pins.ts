import type { MessageView } from '@mindsp/contracts';

/**
 * The pinned list after a message changed (pinned, unpinned, edited, deleted): latest pin first.
 * An older copy of the message (lower changeSeq) than the one listed changes nothing.
 */
export function applyPinChange(
  list: MessageView[] | undefined,
  message: MessageView,
): MessageView[] | undefined {
  if (!list) return list;
  const held = list.find((m) => m.id === message.id);
  if (held && held.changeSeq >= message.changeSeq) return list;
  const others = list.filter((m) => m.id !== message.id);
  if (!message.pinnedAt || message.deletedAt) return held ? others : list;
  return [...others, message].sort(
    (a, b) => (b.pinnedAt ?? '').localeCompare(a.pinnedAt ?? '') || b.seq - a.seq,
  );
}
