// Who is signed in: loaded once from GET /api/v1/me, updated by login/logout.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Account } from './api/index.ts';

export interface Session {
  /** undefined while loading, null when signed out. */
  me: Account | null | undefined;
  signIn: (login: string, password: string) => Promise<Account>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session>({
  me: undefined,
  signIn: () => Promise.reject(new Error('no session provider')),
  signOut: () => Promise.resolve(),
});

export const useSession = (): Session => useContext(SessionContext);

export function hasRole(me: Account | null | undefined, ...roles: string[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r.role));
}

export const isApplicant = (me: Account | null | undefined): boolean =>
  !!me && (me.kind === 'citizen' || me.kind === 'organisation');

export const isOfficer = (me: Account | null | undefined): boolean => !!me && me.kind === 'officer';

/** A random RFC 4122 v4 UUID (crypto.randomUUID needs a secure context; this does not). */
export function randomUuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      /* not a secure context */
    }
  }
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
