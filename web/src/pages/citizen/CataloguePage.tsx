import { useEffect, useRef, useState } from 'preact/hooks';
import { listFields, listProcedures, oneOf, type Field, type ProcedureQuery, type ProcedureSummary } from '../../api/index.ts';
import { Filters, type FilterValues } from '../../components/Filters.tsx';
import { ProcedureCard } from '../../components/ProcedureCard.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { Empty, ErrorMessage, Loading } from '../../components/States.tsx';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { navigate, useLocation } from '../../router.ts';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 300;

interface Params extends FilterValues {
  q: string;
}

type Results =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ok'; items: ProcedureSummary[]; total: number; next: string | null };

function buildUrl(path: string, p: Params): string {
  const sp = new URLSearchParams();
  if (p.q.trim()) sp.set('q', p.q.trim());
  if (p.field) sp.set('field', p.field);
  if (p.level) sp.set('level', p.level);
  if (p.online_level) sp.set('online_level', p.online_level);
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

/** The API query for the page's URL parameters (unknown levels are dropped, as "all"). */
function procedureQuery(p: Params): ProcedureQuery {
  return {
    q: p.q.trim(),
    field: p.field || undefined,
    level: oneOf(p.level, ['province', 'commune']),
    online_level: oneOf(p.online_level, ['full', 'partial', 'none']),
    limit: PAGE_SIZE,
  };
}

let fieldsCache: Promise<Field[]> | null = null;
function loadFields(): Promise<Field[]> {
  fieldsCache ??= listFields().then(
    (r) => r.items,
    () => {
      fieldsCache = null; // retry on next visit; the select still offers "all fields"
      return [];
    },
  );
  return fieldsCache;
}

export function CataloguePage() {
  const { t } = useI18n();
  const { path, search } = useLocation();
  const params: Params = {
    q: search.get('q') ?? '',
    field: search.get('field') ?? '',
    level: search.get('level') ?? '',
    online_level: search.get('online_level') ?? '',
  };
  const key = buildUrl('', params);

  useDocumentTitle(t.catalogueTitle);

  // --- search text, debounced into ?q= ---
  const [text, setText] = useState(params.q);
  const lastQ = useRef(params.q);
  useEffect(() => {
    // URL changed from outside (back/forward, link): reflect it in the box.
    if (params.q !== lastQ.current) {
      lastQ.current = params.q;
      setText(params.q);
    }
  }, [params.q]);
  useEffect(() => {
    if (text.trim() === params.q.trim()) return;
    const id = setTimeout(() => commitQ(text), DEBOUNCE_MS);
    return () => clearTimeout(id);
    // Typing alone starts the timer: a URL change (params.q, commitQ's closure) must not commit
    // the box's text again; the effect above brings the box in line instead.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  function commitQ(q: string) {
    lastQ.current = q.trim();
    navigate(buildUrl(path, { ...params, q }), { replace: true });
  }

  // --- field list ---
  const [fields, setFields] = useState<Field[]>([]);
  useEffect(() => {
    loadFields().then(setFields);
  }, []);

  // --- results: the first page by useLoad, further pages appended (dropped when the query changes) ---
  const first = useLoad(key, (s) => listProcedures(procedureQuery(params), s));
  const [extra, setExtra] = useState<{ key: string; items: ProcedureSummary[]; next: string | null; total: number } | null>(null);
  const [more, setMore] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: null });
  const moreAbort = useRef<AbortController | null>(null);
  const own = extra && extra.key === key ? extra : null;
  const results: Results = first.loading
    ? { status: 'loading' }
    : first.error !== null
      ? { status: 'error', error: first.error }
      : first.data
        ? {
            status: 'ok',
            items: [...first.data.items, ...(own?.items ?? [])],
            total: own?.total ?? first.data.total,
            next: own ? own.next : first.data.next_cursor,
          }
        : { status: 'loading' };

  useEffect(() => {
    moreAbort.current?.abort();
    setMore({ loading: false, error: null });
  }, [key]);

  function loadMore() {
    if (results.status !== 'ok' || !results.next) return;
    const ctrl = new AbortController();
    moreAbort.current = ctrl;
    setMore({ loading: true, error: null });
    listProcedures({ ...procedureQuery(params), cursor: results.next }, ctrl.signal).then(
      (page) => {
        setExtra({ key, items: [...(own?.items ?? []), ...page.items], next: page.next_cursor, total: page.total });
        setMore({ loading: false, error: null });
      },
      (error) => {
        if ((error as Error).name !== 'AbortError') setMore({ loading: false, error });
      },
    );
  }

  return (
    <div class="catalogue">
      <div class="page-intro">
        <h1>{t.catalogueTitle}</h1>
        <p>{t.catalogueIntro}</p>
      </div>
      <SearchBox value={text} onInput={setText} onSubmit={() => commitQ(text)} />
      <div class="catalogue-layout">
        <Filters
          values={params}
          fields={fields}
          onChange={(f) => navigate(buildUrl(path, { ...f, q: text }))}
        />
        <section class="results" aria-labelledby="results-title" aria-busy={results.status === 'loading'}>
          <h2 id="results-title" class="visually-hidden">
            {t.resultsTitle}
          </h2>
          <p class="results-count" role="status">
            {results.status === 'ok' ? t.resultsCount(results.total) : ''}
          </p>
          {results.status === 'loading' && <Loading />}
          {results.status === 'error' && (
            <ErrorMessage error={results.error} onRetry={first.reload} />
          )}
          {results.status === 'ok' && results.items.length === 0 && <Empty />}
          {results.status === 'ok' && results.items.length > 0 && (
            <>
              <ul class="procedure-list">
                {results.items.map((p) => (
                  <ProcedureCard key={p.code} p={p} />
                ))}
              </ul>
              <div class="load-more">
                <p class="muted">{t.resultsShown(results.items.length, results.total)}</p>
                {more.error != null && <ErrorMessage error={more.error} />}
                {results.next && (
                  <button type="button" class="btn btn-secondary" onClick={loadMore} disabled={more.loading}>
                    {more.loading ? t.loading : t.loadMore}
                  </button>
                )}
              </div>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
