import * as RadixPopover from '@radix-ui/react-popover';
import type { ComponentProps, ReactNode } from 'react';

/**
 * A panel that opens under its trigger (Radix: focus, Escape, outside click and collisions
 * handled), for content with several controls, where a menu's single choice does not fit.
 * Not modal: a modal popover locks the page's scroll by inserting a <style> element, which the
 * Content-Security-Policy (style-src 'self') refuses.
 */
export function Popover(props: Omit<ComponentProps<typeof RadixPopover.Root>, 'modal'>) {
  return <RadixPopover.Root modal={false} {...props} />;
}

export const PopoverTrigger = RadixPopover.Trigger;
export const PopoverClose = RadixPopover.Close;

export function PopoverContent({
  children,
  className = '',
  sideOffset = 8,
  label,
}: {
  children: ReactNode;
  className?: string;
  sideOffset?: number;
  /** The panel's accessible name. */
  label: string;
}) {
  return (
    <RadixPopover.Portal>
      <RadixPopover.Content
        align="end"
        sideOffset={sideOffset}
        collisionPadding={8}
        aria-label={label}
        className={`z-20 rounded-xl bg-white shadow-lg ring-1 ring-neutral-200 focus:outline-none ${className}`}
      >
        {children}
      </RadixPopover.Content>
    </RadixPopover.Portal>
  );
}
