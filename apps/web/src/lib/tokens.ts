import type { TokenPair } from '@mindsp/contracts';

// localStorage, not sessionStorage: every tab of the app shares one session, and a sign-out
// (or a refresh that rotated the pair) in one tab is seen by the others through `storage` events.
const ACCESS_KEY = 'accessToken';
const REFRESH_KEY = 'refreshToken';

type Listener = () => void;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key === ACCESS_KEY || event.key === REFRESH_KEY) notify();
  });
}

export const tokens = {
  get(): TokenPair | null {
    const accessToken = localStorage.getItem(ACCESS_KEY);
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    return accessToken && refreshToken ? { accessToken, refreshToken } : null;
  },

  set(pair: TokenPair): void {
    localStorage.setItem(ACCESS_KEY, pair.accessToken);
    localStorage.setItem(REFRESH_KEY, pair.refreshToken);
    notify();
  },

  clear(): void {
    localStorage.removeItem(ACCESS_KEY);
    localStorage.removeItem(REFRESH_KEY);
    notify();
  },

  /** True while a token pair is stored; a cheap snapshot for `useSyncExternalStore`. */
  hasSession(): boolean {
    return tokens.get() !== null;
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
