// The dashboard and the public monthly publication are their own chunk, fetched on the first
// visit to /bang-dieu-khien or /cong-khai/bao-cao: the citizen portal's bundle does not carry them.
// app.tsx routes each path to a screen by name.
import { Chunk, type ChunkCache } from '../../components/Chunk.tsx';

type Module = typeof import('./dashboard.ts');
export type DashboardScreenName = keyof Module['screens'];

const cache: ChunkCache<Module> = { module: null };

export function DashboardScreen({ name }: { name: DashboardScreenName }) {
  return (
    <Chunk
      load={() => import('./dashboard.ts')}
      cache={cache}
      render={(mod) => {
        const Screen = mod.screens[name];
        return <Screen />;
      }}
    />
  );
}
