// /quan-tri/thu-tuc: find a procedure (GET /api/v1/procedures, search kept in ?q=) and open its
// form, or start a new one.
import { useEffect, useState } from 'preact/hooks';
import { listProcedures, type ProcedureSummary } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatProcessingTime } from '../../format.ts';
import { localized, useI18n } from '../../i18n/index.ts';
import { navigate, procedurePath, useLocation } from '../../router.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { useLoad } from '../../hooks.ts';
import { TextField } from '../../components/Fields.tsx';

export const procedureAdminPath = (code: string) => `/quan-tri/thu-tuc/${encodeURIComponent(code)}`;
const PAGE = 50;

export function ProceduresPage() {
  const { t, lang } = useI18n();
  const { path, search } = useLocation();
  const q = search.get('q') ?? '';
  const [text, setText] = useState(q);
  const page = useLoad(`procs:${q}`, (s) => listProcedures({ q: q || undefined, limit: PAGE }, s));
  const [items, setItems] = useState<ProcedureSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  useEffect(() => {
    setItems(page.data?.items ?? []);
    setNext(page.data?.next_cursor ?? null);
  }, [page.data]);

  // Typing searches after a pause; the URL keeps the query (back button, shared links).
  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => navigate(text.trim() ? `${path}?q=${encodeURIComponent(text.trim())}` : path, { replace: true }), 300);
    return () => clearTimeout(timer);
  }, [text, q, path]);

  async function loadMore() {
    setMore(true);
    setMoreError(null);
    try {
      const r = await listProcedures({ q: q || undefined, limit: PAGE, cursor: next ?? undefined });
      setItems([...items, ...r.items]);
      setNext(r.next_cursor);
    } catch (e) {
      setMoreError(e);
    } finally {
      setMore(false);
    }
  }

  return (
    <AdminLayout section="procedures" title={t.proceduresAdminTitle} intro={t.proceduresAdminIntro} catalogue>
      <div class="admin-toolbar">
        <form role="search" onSubmit={(e) => e.preventDefault()}>
          <TextField id="proc-q" type="search" label={t.searchLabel} value={text} autoComplete="off" placeholder={t.searchPlaceholder} onInput={setText} />
        </form>
        <Link href="/quan-tri/thu-tuc/them-moi" class="btn btn-primary">
          {t.procedureAdd}
        </Link>
      </div>
      {page.error !== null && <ErrorMessage error={page.error} onRetry={page.reload} />}
      {!page.data && page.error === null && <Loading />}
      {page.data && (
        <p class="results-count" role="status">
          {t.resultsCount(page.data.total)}
        </p>
      )}
      {page.data && items.length > 0 && (
        <div class="table-wrap" role="region" aria-label={t.proceduresAdminTitle} tabIndex={0}>
          <table class="stack admin-table">
            <thead>
              <tr>
                <th scope="col">{t.procedure}</th>
                <th scope="col">{t.code}</th>
                <th scope="col">{t.field}</th>
                <th scope="col">{t.levelLabel}</th>
                <th scope="col">{t.processingTime}</th>
                <th scope="col">{t.adminPublicPage}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.code} data-code={p.code}>
                  <td class="name">
                    <Link href={procedureAdminPath(p.code)}>{localized(lang, p.name_vi, p.name_en)}</Link>
                  </td>
                  <td data-label={t.code}>
                    <span class="code">{p.code}</span>
                  </td>
                  <td data-label={t.field}>{localized(lang, p.field_name_vi, p.field_name_en)}</td>
                  <td data-label={t.levelLabel}>{t.level[p.level]}</td>
                  <td data-label={t.processingTime}>{formatProcessingTime(p.processing_time, lang)}</td>
                  <td data-label={t.adminPublicPage}>
                    <Link href={procedurePath(p.code)} aria-label={t.adminPublicPageOf(localized(lang, p.name_vi, p.name_en))}>
                      {t.adminView}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {moreError !== null && <ErrorMessage error={moreError} />}
      {next && (
        <p class="load-more">
          <button type="button" class="btn btn-secondary" onClick={loadMore} disabled={more}>
            {more ? t.loading : t.loadMore}
          </button>
        </p>
      )}
    </AdminLayout>
  );
}
