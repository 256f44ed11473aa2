import { soundSetting } from './localSetting';
import { playChime } from './sound';

/** Browser notifications exist here and the user allowed them. */
export function desktopNotificationsAllowed(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

/** Nobody is looking at this tab: the moment for a browser notification. */
export function tabHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

export interface DesktopNotice {
  title: string;
  body: string;
  /** One notice per tag: a newer one for the same conversation replaces the older. */
  tag: string;
  /** An urgent alert: loud, and stays until acknowledged (or clicked). */
  urgent?: boolean;
  onOpen: () => void;
}

/** Open notices by tag, so an acknowledged alert's notice can be closed. */
const open = new Map<string, Notification>();

/** Raises a browser notification (and the chime, if wanted) when the tab is hidden. */
export function notifyDesktop(notice: DesktopNotice): void {
  if (!tabHidden()) return;
  if (notice.urgent || soundSetting.get()) playChime(notice.urgent);
  if (!desktopNotificationsAllowed()) return;
  const shown = new Notification(notice.title, {
    body: notice.body,
    tag: notice.tag,
    icon: '/favicon.svg',
    requireInteraction: notice.urgent ?? false,
  });
  open.set(notice.tag, shown);
  shown.onclick = () => {
    window.focus();
    notice.onOpen();
    shown.close();
  };
  shown.onclose = () => {
    if (open.get(notice.tag) === shown) open.delete(notice.tag);
  };
}

export function closeDesktopNotice(tag: string): void {
  open.get(tag)?.close();
  open.delete(tag);
}
