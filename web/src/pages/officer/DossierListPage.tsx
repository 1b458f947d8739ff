// "Hồ sơ của tôi" (the applicant's dossiers) and the officer inbox (GET /api/v1/dossiers, by
// default the dossiers at the caller's steps) with filters kept in the URL.
import { useEffect, useState } from 'preact/hooks';
import { listDossiers, type Dossier, type DossierQuery } from '../../api/index.ts';
import { DueBadge, StatusBadge } from '../../components/Badges.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { dossierPath, navigate, useLocation } from '../../router.ts';
import { isOfficer, useSession } from '../../session.ts';
import { CheckField, SelectField } from '../../components/Fields.tsx';

const STATUSES = [1, 2, 4, 5, 6, 9, 10, 3, 7, 8];
const OPEN = new Set([1, 2, 4, 5, 6, 9]);


export function DossierListPage({ mode }: { mode: 'mine' | 'inbox' }) {
  const { t } = useI18n();
  const { me } = useSession();
  const { path, search } = useLocation();
  const title = mode === 'mine' ? t.myDossiersTitle : t.inboxTitle;
  useDocumentTitle(title);

  const query: DossierQuery =
    mode === 'mine'
      ? { order: 'newest', limit: 50 }
      : {
          status: search.get('status') ?? undefined,
          overdue: search.get('overdue') === '1',
          assigned: search.get('all') !== '1',
          order: search.get('order') === 'newest' ? 'newest' : 'due',
          limit: 50,
        };
  const key = JSON.stringify(query);
  const first = useLoad(key, (s) => listDossiers(query, s), !!me);
  // Further pages, appended to the first; dropped when the query changes.
  const [extra, setExtra] = useState<{ key: string; items: Dossier[]; cursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [more, setMore] = useState(false);
  const page = first.loading ? null : first.data;
  const own = extra && extra.key === key ? extra : null;
  const items = page ? [...page.items, ...(own?.items ?? [])] : null;
  const cursor = own ? own.cursor : page?.next_cursor ?? null;
  const error = first.error ?? moreError;

  useEffect(() => {
    if (me === null) navigate(`/dang-nhap?next=${encodeURIComponent(path)}`, { replace: true });
  }, [me, path]);

  async function loadMore() {
    setMore(true);
    setMoreError(null);
    try {
      const r = await listDossiers({ ...query, cursor: cursor ?? undefined });
      setExtra({ key, items: [...(own?.items ?? []), ...r.items], cursor: r.next_cursor });
    } catch (e) {
      setMoreError(e);
    } finally {
      setMore(false);
    }
  }

  function setParam(name: string, value: string | null) {
    const sp = new URLSearchParams(search);
    if (value) sp.set(name, value);
    else sp.delete(name);
    const s = sp.toString();
    navigate(`${path}${s ? `?${s}` : ''}`, { replace: true });
  }

  const officer = isOfficer(me);
  return (
    <section>
      <h1>{title}</h1>
      {mode === 'inbox' && (
        <form class="panel filters-bar" onSubmit={(e) => e.preventDefault()} aria-label={t.filtersTitle}>
          <SelectField
            id="f-status"
            label={t.status}
            value={search.get('status') ?? ''}
            onChange={(v) => setParam('status', v || null)}
            options={[{ value: '', label: t.allStatuses }, ...STATUSES.map((s) => ({ value: String(s), label: t.statusName[s] }))]}
          />
          <SelectField
            id="f-order"
            label={t.sortLabel}
            value={search.get('order') === 'newest' ? 'newest' : 'due'}
            onChange={(v) => setParam('order', v === 'newest' ? 'newest' : null)}
            options={[
              { value: 'due', label: t.sortDue },
              { value: 'newest', label: t.sortNewest },
            ]}
          />
          <CheckField id="f-overdue" label={t.filterOverdue} checked={search.get('overdue') === '1'} onChange={(on) => setParam('overdue', on ? '1' : null)} />
          <CheckField id="f-assigned" label={t.filterAssigned} checked={search.get('all') !== '1'} onChange={(on) => setParam('all', on ? null : '1')} />
        </form>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {items === null && error === null && <Loading />}
      {items !== null && items.length === 0 && (
        <p class="state state-empty" role="status">
          {mode === 'mine' ? t.myDossiersEmpty : t.inboxEmpty}
        </p>
      )}
      {items !== null && items.length > 0 && (
        <div class="table-wrap" role="region" aria-label={title} tabIndex={0}>
          <table class="stack dossier-table">
            <thead>
              <tr>
                <th scope="col">{t.dossierCode}</th>
                <th scope="col">{t.procedure}</th>
                {officer && <th scope="col">{t.applicant}</th>}
                <th scope="col">{t.status}</th>
                <th scope="col">{t.dueAt}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <DossierRow key={d.code} d={d} officer={officer} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <p class="load-more">
          <button type="button" class="btn btn-secondary" onClick={loadMore} disabled={more}>
            {more ? t.loading : t.loadMore}
          </button>
        </p>
      )}
    </section>
  );
}

function DossierRow({ d, officer }: { d: Dossier; officer: boolean }) {
  const { t, lang } = useI18n();
  const open = OPEN.has(d.status);
  const highlight = open && d.due_at && d.due_state !== 'on_time' ? `due-${d.due_state}` : '';
  return (
    <tr class={highlight} data-code={d.code}>
      <td data-label={t.dossierCode} class="name">
        <Link href={dossierPath(d.code)} class="code">
          {d.code}
        </Link>
      </td>
      <td data-label={t.procedure}>{d.procedure_name_vi ?? d.procedure}</td>
      {officer && <td data-label={t.applicant}>{d.applicant.name}</td>}
      <td data-label={t.status}>
        <StatusBadge status={d.status} name_vi={d.status_name_vi} />
      </td>
      <td data-label={t.dueAt}>
        <span class="nowrap">{formatDateTime(d.due_at, lang)}</span>
        {open && d.due_at && (
          <>
            {' '}
            <DueBadge state={d.due_state} />
          </>
        )}
      </td>
    </tr>
  );
}
