import {
  Archive,
  ArchiveRestore,
  ArrowDown,
  Bell,
  BellOff,
  BellRing,
  Check,
  CheckCheck,
  ChevronLeft,
  Clock,
  Download,
  Ellipsis,
  FileText,
  Info,
  Menu,
  MessageSquareText,
  Megaphone,
  Paperclip,
  Pause,
  Pin,
  Play,
  Plus,
  Reply,
  RotateCcw,
  Search,
  SendHorizontal,
  ServerCog,
  Settings,
  Siren,
  SmilePlus,
  Trash2,
  UserCog,
  Users,
  X,
} from 'lucide-react';

/** The app's one icon set (lucide), by what each icon means here. */
const ICONS = {
  add: Plus,
  archive: Archive,
  unarchive: ArchiveRestore,
  mute: BellOff,
  unmute: Bell,
  reply: Reply,
  alert: Siren,
  alertActive: BellRing,
  announcement: Megaphone,
  attach: Paperclip,
  back: ChevronLeft,
  close: X,
  conversation: MessageSquareText,
  details: Info,
  download: Download,
  file: FileText,
  group: Users,
  latest: ArrowDown,
  markAllRead: CheckCheck,
  markRead: Check,
  menu: Menu,
  notifications: Bell,
  people: UserCog,
  pause: Pause,
  pin: Pin,
  react: SmilePlus,
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
