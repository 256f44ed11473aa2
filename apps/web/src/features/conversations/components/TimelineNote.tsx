import type { ConversationView, MessageView, TimelineNote as Note } from '@mindsp/contracts';
import { useTranslation } from 'react-i18next';
import { WithUserText } from '../../../components/ui/WithUserText';
import { findMember } from '../members';

interface NoteProps {
  message: MessageView;
  note: Note;
  conversation: ConversationView;
}

/**
 * The sentence of a note in the reader's language, each name isolated (see WithUserText). Names
 * are the people's as the conversation knows them, former members included.
 */
export function TimelineNoteText({ message, note, conversation }: NoteProps) {
  const { t } = useTranslation();
  const name = (id: string) =>
    findMember(conversation, id)?.member.displayName ?? t('notes.someone');
  const actor = name(message.senderId);
  switch (note.type) {
    case 'renamed':
      return (
        <WithUserText values={{ actor, title: note.title }} render={(v) => t('notes.renamed', v)} />
      );
    case 'added': {
      const names = note.userIds.map(name).join(', ');
      // A large addition names the first few and counts the rest.
      const more = note.count - note.userIds.length;
      return more > 0 ? (
        <WithUserText
          values={{ actor, names, more: String(more) }}
          render={(v) => t('notes.addedMore', v)}
        />
      ) : (
        <WithUserText values={{ actor, names }} render={(v) => t('notes.added', v)} />
      );
    }
    case 'removed':
      return (
        <WithUserText
          values={{ actor, name: name(note.userId) }}
          render={(v) => t('notes.removed', v)}
        />
      );
    case 'left':
      return <WithUserText values={{ actor }} render={(v) => t('notes.left', v)} />;
  }
}

/** A group change where it happened in the history: "Alice added Bob", "Bob left the group". */
export function TimelineNote(props: NoteProps) {
  return (
    <p
      data-testid="timeline-note"
      data-seq={props.message.seq}
      data-message-id={props.message.id}
      className="my-2 px-4 text-center text-xs text-neutral-600"
    >
      <TimelineNoteText {...props} />
    </p>
  );
}
