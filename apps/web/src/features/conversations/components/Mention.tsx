import type { ReactNode } from 'react';

/** A mention in a body: highlighted, and named as the person is called now (see remarkMentions). */
export function Mention({
  id,
  mine,
  children,
}: {
  id?: string;
  mine: boolean;
  children: ReactNode;
}) {
  return (
    <span
      data-testid="mention"
      data-mention={id}
      className={`rounded px-0.5 font-semibold ${mine ? 'bg-white/25 text-white' : 'bg-amber-100 text-amber-900'}`}
    >
      {children}
    </span>
  );
}
