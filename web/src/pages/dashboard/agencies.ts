// The agencies a dashboard page offers (the province and the agencies directly under it) and the
// names of every agency, from the public agency tree, fetched once per visit.
import { useEffect, useState } from 'preact/hooks';
import { getAgencyTree, type AgencyTreeNode } from '../../api/index.ts';
import { localized, type Lang } from '../../i18n/index.ts';

export interface AgencyDirectory {
  root: AgencyTreeNode;
  /** The root first, then its children in the tree's order. */
  choices: AgencyTreeNode[];
  byCode: Map<string, AgencyTreeNode>;
}

let pending: Promise<AgencyDirectory> | null = null;

function loadDirectory(): Promise<AgencyDirectory> {
  pending ??= getAgencyTree().then(
    ({ items }) => {
      const byCode = new Map<string, AgencyTreeNode>();
      const walk = (nodes: AgencyTreeNode[]) => {
        for (const n of nodes) {
          byCode.set(n.code, n);
          walk(n.children);
        }
      };
      walk(items);
      const root = items[0];
      if (!root) throw new Error('empty agency tree');
      return { root, choices: [root, ...root.children.filter((c) => !c.valid_to)], byCode };
    },
    (e) => {
      pending = null; // a later visit tries again
      throw e;
    },
  );
  return pending;
}

export function useAgencyDirectory(): { data: AgencyDirectory | null; error: unknown; retry: () => void } {
  const [data, setData] = useState<AgencyDirectory | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    loadDirectory().then(
      (d) => live && setData(d),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [round]);
  return { data, error, retry: () => setRound((r) => r + 1) };
}

/** An agency's name in the UI language; its code when the directory does not know it. */
export function agencyName(dir: AgencyDirectory | null, code: string, lang: Lang, fallback?: string): string {
  const node = dir?.byCode.get(code);
  return node ? localized(lang, node.name_vi, node.name_en) : fallback ?? code;
}
