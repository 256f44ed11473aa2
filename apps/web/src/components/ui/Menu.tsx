import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { type ComponentProps, type ReactNode, createContext, useContext, useState } from 'react';

/** The landmark that holds a menu's trigger, where its open list is rendered. */
const LandmarkContext = createContext<{
  landmark: HTMLElement | null;
  setLandmark: (landmark: HTMLElement | null) => void;
}>({ landmark: null, setLandmark: () => {} });

// Page-level landmarks only: none of them is transformed, which would move a fixed list.
const LANDMARKS = 'header, nav, main, aside, footer';

/**
 * A drop-down menu (Radix: keyboard, focus and collisions handled) with the app's look.
 * Not modal: a modal menu locks the page's scroll by inserting a <style> element, which the
 * Content-Security-Policy (style-src 'self') refuses.
 */
export function Menu(props: Omit<ComponentProps<typeof DropdownMenu.Root>, 'modal'>) {
  const [landmark, setLandmark] = useState<HTMLElement | null>(null);
  return (
    <LandmarkContext.Provider value={{ landmark, setLandmark }}>
      <DropdownMenu.Root modal={false} {...props} />
    </LandmarkContext.Provider>
  );
}

export function MenuTrigger(props: ComponentProps<typeof DropdownMenu.Trigger>) {
  const { setLandmark } = useContext(LandmarkContext);
  return (
    <DropdownMenu.Trigger
      ref={(trigger) => setLandmark(trigger?.closest<HTMLElement>(LANDMARKS) ?? null)}
      {...props}
    />
  );
}
export const MenuLabel = DropdownMenu.Label;
export const MenuRadioGroup = DropdownMenu.RadioGroup;
export const MenuItemIndicator = DropdownMenu.ItemIndicator;

export function MenuContent({
  children,
  className = '',
  sideOffset = 4,
}: {
  children: ReactNode;
  className?: string;
  sideOffset?: number;
}) {
  // Rendered at the end of its trigger's landmark (it is positioned fixed, so it shows at the
  // same place) rather than of <body>: there, it would be content outside every landmark.
  const { landmark } = useContext(LandmarkContext);
  return (
    <DropdownMenu.Portal container={landmark}>
      <DropdownMenu.Content
        align="end"
        sideOffset={sideOffset}
        collisionPadding={8}
        className={`z-20 rounded-xl bg-white shadow-lg ring-1 ring-neutral-200 ${className}`}
      >
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}

const item =
  'flex cursor-pointer select-none items-center rounded-md px-2 text-sm text-neutral-800 outline-none data-[highlighted]:bg-red-50 data-[highlighted]:text-red-900';

export function MenuItem({ className = '', ...props }: ComponentProps<typeof DropdownMenu.Item>) {
  return <DropdownMenu.Item className={`${item} ${className}`} {...props} />;
}

export function MenuRadioItem({
  className = '',
  ...props
}: ComponentProps<typeof DropdownMenu.RadioItem>) {
  return <DropdownMenu.RadioItem className={`${item} ${className}`} {...props} />;
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-neutral-200" />;
}
