// A lazily loaded chunk of pages (administration, dashboard): fetched on first use, kept for the
// rest of the visit, with the usual loading and error states.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Loading } from './States.tsx';

/** Where a chunk is kept once loaded (one per chunk, at module level). */
export interface ChunkCache<M> {
  module: M | null;
}

export function Chunk<M>({ load, cache, render }: {
  load: () => Promise<M>;
  cache: ChunkCache<M>;
  render: (module: M) => JSX.Element;
}) {
  const [mod, setMod] = useState<M | null>(cache.module);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (mod) return;
    load().then(
      (m) => {
        cache.module = m;
        setMod(m);
      },
      (e) => setError(e),
    );
    // Loads once per mount: `load` and `cache` belong to the screen (module-level constants at
    // the call sites), and `load` written inline must not start a second import per render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mod]);
  if (error !== null) return <ErrorMessage error={error} onRetry={() => location.reload()} />;
  if (!mod) return <Loading />;
  return render(mod);
}
