import { splitHighlight } from '../highlight';

/** A search highlight: the words between « and » in <mark>, all of it rendered as text. */
export function HighlightedText({ highlight }: { highlight: string }) {
  return (
    <>
      {splitHighlight(highlight).map((part, index) =>
        part.matched ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-neutral-900">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
