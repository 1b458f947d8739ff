// /quan-tri/co-quan: the agency tree (GET /api/v1/agencies?tree=true) as nested lists with
// disclosure buttons; a filter turns it into a flat list of matches. Each agency opens its form.
import { useMemo, useState } from 'preact/hooks';
import { getAgencyTree, type AgencyTreeNode } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { localized, useI18n } from '../../i18n/index.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { useLoad } from '../../hooks.ts';
import { TextField } from '../../components/Fields.tsx';

export const agencyAdminPath = (code: string) => `/quan-tri/co-quan/${encodeURIComponent(code)}`;

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function flatten(nodes: AgencyTreeNode[], out: AgencyTreeNode[] = []): AgencyTreeNode[] {
  for (const n of nodes) {
    out.push(n);
    flatten(n.children, out);
  }
  return out;
}

export function AgenciesPage() {
  const { t } = useI18n();
  const tree = useLoad('tree', (s) => getAgencyTree(s));
  const [q, setQ] = useState('');
  const all = useMemo(() => flatten(tree.data?.items ?? []), [tree.data]);
  const needle = fold(q.trim());
  const matches = needle ? all.filter((a) => fold(`${a.name_vi} ${a.name_en} ${a.code} ${a.legacy_code ?? ''}`).includes(needle)) : null;

  return (
    <AdminLayout section="agencies" title={t.agenciesTitle} intro={t.agenciesIntro} catalogue>
      <div class="admin-toolbar">
        <TextField id="agency-filter" type="search" label={t.agencyFilter} value={q} autoComplete="off" onInput={setQ} />
        <Link href="/quan-tri/co-quan/them-moi" class="btn btn-primary">
          {t.agencyAdd}
        </Link>
      </div>
      {tree.error !== null && <ErrorMessage error={tree.error} onRetry={tree.reload} />}
      {!tree.data && tree.error === null && <Loading />}
      {tree.data && (
        <p class="results-count" role="status">
          {matches ? t.agencyMatches(matches.length) : t.agencyCount(all.length)}
        </p>
      )}
      {matches && (
        <ul class="agency-list">
          {matches.slice(0, 100).map((a) => (
            <li key={a.code}>
              <AgencyLabel a={a} />
            </li>
          ))}
        </ul>
      )}
      {tree.data && !matches && <AgencyTree nodes={tree.data.items} />}
    </AdminLayout>
  );
}

function AgencyLabel({ a }: { a: AgencyTreeNode }) {
  const { t, lang } = useI18n();
  return (
    <span class="agency-label">
      <Link href={agencyAdminPath(a.code)}>{localized(lang, a.name_vi, a.name_en)}</Link>{' '}
      <span class="code small">{a.code}</span> <span class="tag">{t.agencyKind[a.kind]}</span>
      {a.valid_to && <span class="tag"> · {t.agencyEnded}</span>}
    </span>
  );
}

function AgencyTree({ nodes }: { nodes: AgencyTreeNode[] }) {
  // The root (the province) starts open; everything else on demand.
  const [open, setOpen] = useState<Set<string>>(() => new Set(nodes.map((n) => n.code)));
  const toggle = (code: string) => {
    const next = new Set(open);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setOpen(next);
  };
  return <Branch nodes={nodes} open={open} toggle={toggle} root />;
}

function Branch({ nodes, open, toggle, root = false, id }: { nodes: AgencyTreeNode[]; open: Set<string>; toggle: (c: string) => void; root?: boolean; id?: string }) {
  const { t, lang } = useI18n();
  return (
    <ul class={root ? 'agency-tree' : 'agency-branch'} id={id}>
      {nodes.map((n) => {
        const expanded = open.has(n.code);
        const subId = `agency-sub-${n.code.replace(/\./g, '-')}`;
        return (
          <li key={n.code}>
            <div class="agency-row">
              {n.children.length > 0 ? (
                <button
                  type="button"
                  class="tree-toggle"
                  aria-expanded={expanded}
                  aria-controls={expanded ? subId : undefined}
                  onClick={() => toggle(n.code)}
                >
                  <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {n.children.length}
                  <span class="visually-hidden"> {t.agencyToggle(localized(lang, n.name_vi, n.name_en))}</span>
                </button>
              ) : (
                <span class="tree-leaf" aria-hidden="true" />
              )}
              <AgencyLabel a={n} />
            </div>
            {expanded && n.children.length > 0 && <Branch nodes={n.children} open={open} toggle={toggle} id={subId} />}
          </li>
        );
      })}
    </ul>
  );
}
