import type { KeyboardEvent } from 'react';

/**
 * The keys of a message being written, in the composer and in the edit form alike: Enter
 * submits, Shift+Enter starts a new line, Escape cancels (where there is something to cancel).
 * Not while an input method is composing a character: Enter there confirms the character.
 */
export function handleMessageKeys(
  event: KeyboardEvent<HTMLTextAreaElement>,
  { submit, cancel }: { submit: () => void; cancel?: () => void },
): void {
  if (event.nativeEvent.isComposing) return;
  if (event.key === 'Escape' && cancel) {
    event.preventDefault();
    cancel();
  } else if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    submit();
  }
}
