// A tiny History-API router: enough for a handful of routes, no dependency.
import { useEffect, useState } from 'preact/hooks';

const EVENT = 'motcua:navigate';

export interface Location {
  path: string;
  search: URLSearchParams;
}

function current(): Location {
  return { path: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

/** Navigate within the app. `replace` avoids piling up history entries (e.g. while typing). */
export function navigate(url: string, { replace = false } = {}): void {
  if (url === window.location.pathname + window.location.search) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event(EVENT));
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const update = () => setLoc(current());
    window.addEventListener('popstate', update);
    window.addEventListener(EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(EVENT, update);
    };
  }, []);
  return loc;
}

/** Click handler for <a href> that keeps plain-link semantics (new tab, modifiers) intact. */
export function onLinkClick(e: MouseEvent): void {
  const a = e.currentTarget as HTMLAnchorElement;
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (a.target && a.target !== '_self') return;
  if (a.origin !== window.location.origin) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
  window.scrollTo(0, 0);
}

export const procedurePath = (code: string) => `/thu-tuc/${encodeURIComponent(code)}`;
export const dossierPath = (code: string) => `/ho-so/${encodeURIComponent(code)}`;
