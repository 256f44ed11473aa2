import type { ReactNode } from 'react';

/** A page outside the messaging layout (settings, admin): a title and its content, scrolling. */
export function PageFrame({
  title,
  actions,
  children,
}: {
  title: string;
  /** Controls shown beside the title. */
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4 md:px-0 md:py-0">
      <div className="mx-auto max-w-3xl">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-xl font-semibold text-neutral-900">{title}</h1>
          {actions}
        </div>
        {children}
      </div>
    </div>
  );
}
