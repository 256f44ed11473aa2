import Markdown, { type Components } from 'react-markdown';
import remarkBreaks from 'remark-breaks';
import remarkGfm from 'remark-gfm';
import { withinFormattingBounds } from '../formatting/bounds';
import { remarkPlainSubset } from '../formatting/plainSubset';
import { remarkMentions } from '../formatting/remarkMentions';
import { Mention } from './Mention';
import { PlainMessageBody } from './PlainMessageBody';

const ELEMENTS = [
  'p',
  'br',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'mark',
];

/** Only http(s) and mailto addresses become links (never javascript: or data:). */
function safeUrl(url: string): string | null {
  return /^(https?:|mailto:)/i.test(url) ? url : null;
}

function components(mine: boolean): Components {
  return {
    a: ({ href, children }) => (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        className={`underline underline-offset-2 ${mine ? 'text-white decoration-white/70' : 'text-red-800 decoration-red-800/50'}`}
      >
        {children}
      </a>
    ),
    p: ({ children }) => <p className="whitespace-pre-wrap">{children}</p>,
    code: ({ children, className }) => (
      <code
        className={`${className ?? ''} rounded px-1 font-mono text-[0.9em] ${mine ? 'bg-white/20' : 'bg-slate-200'}`}
      >
        {children}
      </code>
    ),
    pre: ({ children }) => (
      <pre className="my-1 overflow-x-auto whitespace-pre rounded bg-slate-900/90 p-2 text-slate-50 [&_code]:bg-transparent [&_code]:p-0">
        {children}
      </pre>
    ),
    blockquote: ({ children }) => (
      <blockquote
        className={`my-1 border-l-4 pl-2 ${mine ? 'border-white/60' : 'border-slate-300 text-slate-600'}`}
      >
        {children}
      </blockquote>
    ),
    ul: ({ children }) => <ul className="my-1 list-disc pl-5">{children}</ul>,
    // A mention (see remarkMentions): highlighted, and named as the person is called now.
    mark: ({ children, ...props }) => (
      <Mention id={(props as { 'data-mention'?: string })['data-mention']} mine={mine}>
        {children}
      </Mention>
    ),
    ol: ({ children, start }) => (
      <ol start={start} className="my-1 list-decimal pl-5">
        {children}
      </ol>
    ),
  };
}

/**
 * A message body: plain text with a small Markdown subset (bold, italic, strikethrough, code,
 * code blocks, quotes, lists, autolinks), parsed into a tree and rendered as React elements.
 * Never parsed as HTML: HTML, images and the rest of Markdown show as typed. A body that nests
 * deeper or holds more than the formatter's bounds is not parsed at all: it shows as typed.
 */
export function MessageBody({
  body,
  mine,
  mentionLabel = (id) => id,
}: {
  body: string;
  mine: boolean;
  /** The name a mention shows (see remarkMentions). */
  mentionLabel?: (id: string) => string;
}) {
  return (
    // dir="auto" isolates the body (and sets its direction from its first letter): a
    // right-to-left override in it cannot reorder anything outside the message.
    <div data-testid="message-body" dir="auto" className="[overflow-wrap:anywhere]">
      {withinFormattingBounds(body) ? (
        <Markdown
          remarkPlugins={[
            remarkGfm,
            remarkBreaks,
            remarkPlainSubset,
            [remarkMentions, { labelOf: mentionLabel }],
          ]}
          allowedElements={ELEMENTS}
          unwrapDisallowed
          skipHtml={false}
          urlTransform={safeUrl}
          components={components(mine)}
        >
          {body}
        </Markdown>
      ) : (
        <PlainMessageBody body={body} mine={mine} mentionLabel={mentionLabel} />
      )}
    </div>
  );
}
