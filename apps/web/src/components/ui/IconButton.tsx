import type { ButtonHTMLAttributes } from 'react';
import { Icon, type IconName } from './Icon';

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  icon: IconName;
  /** The accessible name (and tooltip): an icon alone says nothing to a screen reader. */
  label: string;
  /** For a toggle (a panel it opens): shown pressed while open. */
  pressed?: boolean;
  iconClassName?: string;
}

/** A button that shows only an icon: the header's toggles, the × of a panel. */
export function IconButton({
  icon,
  label,
  pressed,
  iconClassName = 'size-5',
  className = '',
  ...props
}: IconButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      className={`rounded-lg text-neutral-700 hover:bg-neutral-100 focus-visible:outline-2 focus-visible:outline-red-700 aria-pressed:bg-red-50 aria-pressed:text-red-800 ${className}`}
      {...props}
    >
      <Icon name={icon} className={iconClassName} />
    </button>
  );
}
