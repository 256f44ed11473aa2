import {
  Check,
  ChevronLeft,
  Clock,
  Ellipsis,
  Info,
  Menu,
  MessageSquareText,
  Plus,
  Search,
  SendHorizontal,
  Users,
  X,
} from 'lucide-react';

/** The app's one icon set (lucide), by what each icon means here. */
const ICONS = {
  add: Plus,
  back: ChevronLeft,
  close: X,
  conversation: MessageSquareText,
  details: Info,
  group: Users,
  menu: Menu,
  more: Ellipsis,
  search: Search,
  selected: Check,
  send: SendHorizontal,
  sending: Clock,
} as const;

export type IconName = keyof typeof ICONS;

/** A decorative icon: the control around it carries the accessible name. */
export function Icon({
  name,
  className = 'size-5',
  strokeWidth = 2,
}: {
  name: IconName;
  className?: string;
  strokeWidth?: number;
}) {
  const Glyph = ICONS[name];
  return (
    <Glyph aria-hidden="true" focusable="false" className={className} strokeWidth={strokeWidth} />
  );
}
