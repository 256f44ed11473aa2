import { splitMentions } from '../mentions';
import { Mention } from './Mention';

/**
 * A body past the formatter's bounds (see formatting/bounds.ts), as typed: its text with its
 * line breaks, mentions named, nothing else made of it (no formats, no links, never HTML).
 */
export function PlainMessageBody({
  body,
  mine,
  mentionLabel,
}: {
  body: string;
  mine: boolean;
  mentionLabel: (id: string) => string;
}) {
  return (
    <p className="whitespace-pre-wrap">
      {splitMentions(body).map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <Mention key={index} id={part.id} mine={mine}>
            @{mentionLabel(part.id)}
          </Mention>
        ),
      )}
    </p>
  );
}
