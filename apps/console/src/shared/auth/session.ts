import { useSyncExternalStore } from 'react';

/** What the console keeps of a login: the token pair, per browser tab (sessionStorage), never in a cookie. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
}

const KEY = 'pingan.session';
type Listener = () => void;
const listeners = new Set<Listener>();
let current: Session | null = read();
/** Why the last session ended without a logout ('expired': the refresh token was refused). */
let ended: 'expired' | null = null;

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

export const sessionStore = {
  get: (): Session | null => current,
  endedBecause: (): 'expired' | null => ended,
  set(session: Session): void {
    current = session;
    ended = null;
    sessionStorage.setItem(KEY, JSON.stringify(session));
    emit();
  },
  clear(reason: 'expired' | null = null): void {
    current = null;
    ended = reason;
    sessionStorage.removeItem(KEY);
    emit();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const useSession = (): Session | null => useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
