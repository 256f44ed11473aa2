import {
  ArrowDown,
  Bell,
  BellRing,
  Check,
  CheckCheck,
  ChevronLeft,
  Clock,
  Ellipsis,
  Info,
  Menu,
  MessageSquareText,
  Megaphone,
  Pause,
  Play,
  Plus,
  RotateCcw,
  Search,
  SendHorizontal,
  ServerCog,
  Settings,
  Siren,
  Trash2,
  UserCog,
  Users,
  X,
} from 'lucide-react';

/** The app's one icon set (lucide), by what each icon means here. */
const ICONS = {
  add: Plus,
  alert: Siren,
  alertActive: BellRing,
  announcement: Megaphone,
  back: ChevronLeft,
  close: X,
  conversation: MessageSquareText,
  details: Info,
  group: Users,
  latest: ArrowDown,
  markAllRead: CheckCheck,
  markRead: Check,
  menu: Menu,
  notifications: Bell,
  people: UserCog,
  pause: Pause,
  queues: ServerCog,
  remove: Trash2,
  resume: Play,
  retry: RotateCcw,
  more: Ellipsis,
  search: Search,
  selected: Check,
  send: SendHorizontal,
  sending: Clock,
  settings: Settings,
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
