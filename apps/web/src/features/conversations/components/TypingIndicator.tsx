import type { ConversationView } from '@mindsp/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WithUserText } from '../../../components/ui/WithUserText';
import { useTypists } from '../typing';

/** "Bob Durand is typing…" under the history; the live region is always there so it is announced. */
export function TypingIndicator({
  conversation,
  myId,
}: {
  conversation: ConversationView;
  myId: string;
}) {
  const { t } = useTranslation();
  const names = useTypists(conversation.id)
    .filter((id) => id !== myId)
    .map((id) => conversation.members.find((member) => member.id === id)?.displayName)
    .filter((name): name is string => Boolean(name));

  let text: ReactNode = null;
  if (names.length === 1)
    text = (
      <WithUserText values={{ name: names[0] }} render={(v) => t('conversation.typingOne', v)} />
    );
  else if (names.length === 2)
    text = (
      <WithUserText
        values={{ first: names[0], second: names[1] }}
        render={(v) => t('conversation.typingTwo', v)}
      />
    );
  else if (names.length > 2) text = t('conversation.typingMany');

  return (
    <div aria-live="polite" className="h-6 px-4 text-sm italic text-neutral-600">
      {text && (
        <span data-testid="typing" className="inline-flex items-center gap-2">
          <span className="inline-flex gap-0.5" aria-hidden="true">
            <span className="size-1.5 animate-bounce rounded-full bg-neutral-400 [animation-delay:-0.3s]" />
            <span className="size-1.5 animate-bounce rounded-full bg-neutral-400 [animation-delay:-0.15s]" />
            <span className="size-1.5 animate-bounce rounded-full bg-neutral-400" />
          </span>
          {text}
        </span>
      )}
    </div>
  );
}
