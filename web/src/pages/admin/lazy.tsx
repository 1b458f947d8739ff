// The administration screens are their own chunk, fetched on the first visit to /quan-tri: the
// citizen pages never download them. app.tsx routes each path to a screen by name.
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Loading } from '../../components/States.tsx';

type Module = typeof import('./screens.ts');
export type AdminScreenName = keyof Module['screens'];

let loaded: Module | null = null;

export function AdminScreen({ name, arg }: { name: AdminScreenName; arg?: string }) {
  const [mod, setMod] = useState<Module | null>(loaded);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (mod) return;
    import('./screens.ts').then(
      (m) => {
        loaded = m;
        setMod(m);
      },
      (e) => setError(e),
    );
  }, [mod]);
  if (error !== null) return <ErrorMessage error={error} onRetry={() => location.reload()} />;
  if (!mod) return <Loading />;
  const Screen = mod.screens[name];
  return <Screen arg={arg} />;
}
