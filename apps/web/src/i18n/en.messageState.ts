import type { Messages } from './fr';

// The English strings of reactions, pinned messages and timeline notes.
export const messageStateEn: Pick<Messages, 'reactions' | 'pins' | 'notes'> = {
  reactions: {
    add: 'React',
    picker: 'Pick a reaction',
    search: 'Search an emoji',
    searchPlaceholder: 'Search (e.g. thumbs, fire)',
    loading: 'Loading emojis…',
    loadFailed: 'The emojis could not be loaded.',
    noMatch: 'No emoji matches.',
    failed: 'The reaction could not be saved.',
    list: 'Reactions',
    summary: '{{emoji}} {{count}}: {{names}}',
    you: 'you',
  },
  pins: {
    pin: 'Pin',
    unpin: 'Unpin',
    pinned: 'Pinned',
    pinnedBy: 'Pinned by {{name}}',
    open: 'Pinned messages: {{count}}',
    title: 'Pinned messages',
    close: 'Close the pinned messages',
    empty: 'No pinned messages.',
    loadFailed: 'The pinned messages could not be loaded.',
    failed: 'The message could not be pinned.',
  },
  notes: {
    renamed: '{{actor}} renamed the group “{{title}}”',
    added: '{{actor}} added {{names}}',
    addedMore: '{{actor}} added {{names}} and {{more}} others',
    removed: '{{actor}} removed {{name}}',
    left: '{{actor}} left the group',
    someone: 'Someone',
  },
};
