import type { ButtonHTMLAttributes } from 'react';

const VARIANTS = {
  /** The main action of a form or a confirmation (red). */
  primary: 'bg-red-700 font-semibold text-white hover:bg-red-800 disabled:opacity-60',
  /** Cancel, or a quiet second choice. */
  quiet: 'font-semibold text-neutral-700 hover:bg-neutral-100',
  /** An action in running text: "Try again", "Send again". */
  link: 'font-semibold text-red-700 underline',
} as const;

const SIZES = {
  sm: 'rounded-md px-2.5 py-1',
  inline: '',
} as const;

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
}

/** A text button in one of the app's few styles. */
export function Button({
  variant = 'primary',
  size = variant === 'link' ? 'inline' : 'sm',
  className = '',
  type = 'button',
  ...props
}: ButtonProps) {
  return (
    <button type={type} className={`${SIZES[size]} ${VARIANTS[variant]} ${className}`} {...props} />
  );
}
