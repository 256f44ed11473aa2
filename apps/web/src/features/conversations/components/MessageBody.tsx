import { Fragment } from 'react';
import { splitLinks } from '../text';

/**
 * A message body as text: React escapes it, line breaks are kept by CSS, and http(s) URLs
 * become links built as elements. Never parsed as HTML.
 */
export function MessageBody({ body, mine }: { body: string; mine: boolean }) {
  return (
    // dir="auto" isolates the body (and sets its direction from its first letter): a
    // right-to-left override in it cannot reorder anything outside the message.
    <p
      data-testid="message-body"
      dir="auto"
      className="whitespace-pre-wrap [overflow-wrap:anywhere]"
    >
      {splitLinks(body).map((part, index) =>
        part.kind === 'link' ? (
          <a
            key={index}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer"
            className={`underline underline-offset-2 ${mine ? 'text-white decoration-white/70' : 'text-red-800 decoration-red-800/50'}`}
          >
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </p>
  );
}
