// The administration screens are their own chunk, fetched on the first visit to /quan-tri: the
// citizen pages never download them. app.tsx routes each path to a screen by name.
import { Chunk, type ChunkCache } from '../../components/Chunk.tsx';

type Module = typeof import('./screens.ts');
export type AdminScreenName = keyof Module['screens'];

const cache: ChunkCache<Module> = { module: null };

export function AdminScreen({ name, arg }: { name: AdminScreenName; arg?: string }) {
  return (
    <Chunk
      load={() => import('./screens.ts')}
      cache={cache}
      render={(mod) => {
        const Screen = mod.screens[name];
        return <Screen arg={arg} />;
      }}
    />
  );
}
