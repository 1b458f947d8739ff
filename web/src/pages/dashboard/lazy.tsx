// The dashboard and the public monthly publication are their own chunk, fetched on the first
// visit to /bang-dieu-khien or /cong-khai/bao-cao: the citizen portal's bundle does not carry them.
// app.tsx routes each path to a screen by name.
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Loading } from '../../components/States.tsx';

type Module = typeof import('./dashboard.ts');
export type DashboardScreenName = keyof Module['screens'];

let loaded: Module | null = null;

export function DashboardScreen({ name }: { name: DashboardScreenName }) {
  const [mod, setMod] = useState<Module | null>(loaded);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (mod) return;
    import('./dashboard.ts').then(
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
  return <Screen />;
}
