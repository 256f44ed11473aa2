import type { InputHTMLAttributes } from 'react';

interface SearchInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'onChange'
> {
  value: string;
  onChange: (value: string) => void;
  /** `field`: on a white page (grey until focused); `panel`: on a grey panel (white). */
  tone?: 'field' | 'panel';
}

const TONES = {
  field: 'bg-neutral-50 py-2 focus:bg-white',
  panel: 'bg-white py-1.5',
};

/** A search box: what the user types filters or searches as they type. */
export function SearchInput({
  value,
  onChange,
  tone = 'field',
  className = '',
  ...props
}: SearchInputProps) {
  return (
    <input
      type="search"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      className={`rounded-lg border border-neutral-300 px-3 text-sm text-neutral-900 placeholder:text-neutral-500 focus:border-red-600 focus:outline-none focus:ring-2 focus:ring-red-600/30 ${TONES[tone]} ${className}`}
      {...props}
    />
  );
}
