import { useSyncExternalStore } from 'react';

/**
 * A setting of this browser only (not of the account): whether notifications play a sound, and
 * whether the user already answered the "enable browser notifications" banner. Every tab sees a
 * change at once (`storage` events).
 */
export function localSetting(key: string, fallback: boolean) {
  const listeners = new Set<() => void>();
  const read = () => {
    const stored = localStorage.getItem(key);
    return stored === null ? fallback : stored === 'true';
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === key) for (const listener of listeners) listener();
    });
  }
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return {
    get: read,
    set(value: boolean) {
      localStorage.setItem(key, String(value));
      for (const listener of listeners) listener();
    },
    use: () => useSyncExternalStore(subscribe, read, read),
  };
}

/** Play a sound with browser notifications (urgent alerts always sound). */
export const soundSetting = localSetting('notificationSound', true);

/** The banner asking to enable browser notifications was answered ("Later" included). */
export const permissionAskedSetting = localSetting('notificationPermissionAsked', false);
