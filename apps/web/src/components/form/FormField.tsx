import { type ReactNode, useId } from 'react';

/** The look of the app's text inputs and selects on a white form, at their own width. */
export const inputBaseClass =
  'rounded-lg border border-neutral-300 bg-white px-3 py-2 text-sm text-neutral-900 focus:border-red-600 focus:outline-none focus:ring-2 focus:ring-red-600/30';

/** The same, filling the form's width. */
export const inputClass = `w-full ${inputBaseClass}`;

/** A label above its control; `children` gets the id that ties them. */
export function FormField({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-neutral-800">
        {label}
      </label>
      {children(id)}
      {hint && <p className="text-xs text-neutral-600">{hint}</p>}
    </div>
  );
}
