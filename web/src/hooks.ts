import { useEffect, useState } from 'preact/hooks';
import type { Account } from './api/index.ts';
import { useI18n } from './i18n/index.ts';
import { navigate, useLocation } from './router.ts';

/** Sets document.title to "<page> — <portal>". */
export function useDocumentTitle(page: string | null): void {
  const { t } = useI18n();
  useEffect(() => {
    const suffix = `${t.productName} — ${t.portalName}`;
    document.title = page ? `${page} — ${suffix}` : suffix;
  }, [page, t]);
}

/** Sends whoever is signed out (`me` null) to the sign-in page, which brings them back to this
 * address, its query included. */
export function useSignInFirst(me: Account | null | undefined): void {
  const { path, search } = useLocation();
  useEffect(() => {
    const q = search.toString();
    if (me === null) navigate(`/dang-nhap?next=${encodeURIComponent(q ? `${path}?${q}` : path)}`, { replace: true });
  }, [me, path, search]);
}

export interface Loaded<T> {
  /** The last answer (kept while a new one loads, so a page does not flash). */
  data: T | null;
  /** The last failure (an ApiError from the client), null while none. */
  error: unknown;
  /** True from the start of a load until its answer or failure. */
  loading: boolean;
  reload: () => void;
  /** Replaces the data (e.g. with the answer of a write). */
  set: (data: T) => void;
}

/** The fetch/loading/error pattern of the pages: runs `load` when `key` changes (and on
 * reload()), aborting the previous request; nothing runs while `enabled` is false. With
 * `delayMs`, a change waits that long first (typing in a search box). */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>, enabled = true, delayMs = 0): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  // What the last answer (or failure) was for: a new key is loading from its first render on.
  const [settled, setSettled] = useState<{ key: string; round: number } | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const ctrl = new AbortController();
    const run = () =>
      load(ctrl.signal).then(
        (d) => {
          setData(d);
          setError(null);
          setSettled({ key, round });
        },
        (e) => {
          if ((e as Error).name === 'AbortError') return;
          setError(e);
          setSettled({ key, round });
        },
      );
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (delayMs > 0) timer = setTimeout(run, delayMs);
    else {
      setError(null);
      void run();
    }
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
    // `load` is a new closure on every render; `key` names what it fetches.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round, enabled]);
  const loading = enabled && (settled === null || settled.key !== key || settled.round !== round);
  return { data, error, loading, reload: () => setRound((r) => r + 1), set: setData };
}
