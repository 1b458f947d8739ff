// /quan-tri/tai-khoan: the accounts in the administrator's scope (GET /api/v1/accounts), filtered
// by kind, agency and login prefix (kept in the URL), each opening its own page.
import { useEffect, useState } from 'preact/hooks';
import { listAccounts, oneOf, type AccountQuery, type Account } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { useI18n, type Messages } from '../../i18n/index.ts';
import { navigate, useLocation } from '../../router.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { AgencyCodeField } from './StepsEditor.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { useLoad } from '../../hooks.ts';

export const accountAdminPath = (id: number) => `/quan-tri/tai-khoan/${id}`;
const PAGE = 50;

export function roleText(t: Messages, r: { role: string; agency: string | null }): string {
  const name = t.roleName[r.role] ?? r.role;
  return r.agency ? t.roleAt(name, r.agency) : name;
}

export function AccountsPage() {
  const { t } = useI18n();
  const { path, search } = useLocation();
  const query: AccountQuery = {
    kind: oneOf(search.get('loai'), ['citizen', 'organisation', 'officer']),
    agency: search.get('co-quan') ?? undefined,
    login_prefix: search.get('ten') ?? undefined,
    limit: PAGE,
  };
  const [login, setLogin] = useState(query.login_prefix ?? '');
  const [agency, setAgency] = useState(query.agency ?? '');
  const page = useLoad(JSON.stringify(query), (s) => listAccounts(query, s));
  const [items, setItems] = useState<Account[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [more, setMore] = useState(false);

  useEffect(() => {
    setItems(page.data?.items ?? []);
    setNext(page.data?.next_cursor ?? null);
  }, [page.data]);

  function setParams(patch: Record<string, string>) {
    const sp = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v.trim()) sp.set(k, v.trim());
      else sp.delete(k);
    }
    const s = sp.toString();
    navigate(s ? `${path}?${s}` : path, { replace: true });
  }

  async function loadMore() {
    setMore(true);
    setMoreError(null);
    try {
      const r = await listAccounts({ ...query, cursor: next ?? undefined });
      setItems([...items, ...r.items]);
      setNext(r.next_cursor);
    } catch (e) {
      setMoreError(e);
    } finally {
      setMore(false);
    }
  }

  return (
    <AdminLayout section="accounts" title={t.accountsTitle} intro={t.accountsIntro}>
      <p>
        <Link href="/quan-tri/tai-khoan/them-moi" class="btn btn-primary">
          {t.accountNew}
        </Link>
      </p>
      <form
        class="panel filters-bar"
        aria-label={t.filtersTitle}
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ ten: login, 'co-quan': agency });
        }}
      >
        <SelectField
          id="acc-kind"
          label={t.accountKindLabel}
          value={query.kind ?? ''}
          onChange={(v) => setParams({ loai: v })}
          options={[{ value: '', label: t.all }, ...['officer', 'citizen', 'organisation'].map((k) => ({ value: k, label: t.accountKind[k] }))]}
        />
        <TextField id="acc-login" type="search" label={t.loginPrefix} value={login} autoComplete="off" spellcheck={false} onInput={setLogin} />
        <AgencyCodeField id="acc-agency" label={t.accountAgencyFilter} value={agency} onInput={setAgency} />
        <div class="field">
          <button type="submit" class="btn btn-secondary">
            {t.apply}
          </button>
        </div>
      </form>
      {page.error !== null && <ErrorMessage error={page.error} onRetry={page.reload} />}
      {!page.data && page.error === null && <Loading />}
      {page.data && items.length === 0 && (
        <p class="state state-empty" role="status">
          {t.accountsEmpty}
        </p>
      )}
      {page.data && items.length > 0 && (
        <div class="table-wrap" role="region" aria-label={t.accountsTitle} tabIndex={0}>
          <table class="stack admin-table">
            <thead>
              <tr>
                <th scope="col">{t.accountLogin}</th>
                <th scope="col">{t.accountName}</th>
                <th scope="col">{t.accountKindLabel}</th>
                <th scope="col">{t.accountAgency}</th>
                <th scope="col">{t.rolesTitle}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} data-login={a.login}>
                  <td class="name">
                    <Link href={accountAdminPath(a.id)}>{a.login}</Link>
                  </td>
                  <td data-label={t.accountName}>{a.name}</td>
                  <td data-label={t.accountKindLabel}>{t.accountKind[a.kind]}</td>
                  <td data-label={t.accountAgency}>{a.agency_code ? <span class="code">{a.agency_code}</span> : '—'}</td>
                  <td data-label={t.rolesTitle}>{a.roles.length ? a.roles.map((r) => roleText(t, r)).join('; ') : '—'}</td>
                  <td data-label={t.status}>
                    <span class={a.disabled ? 'badge badge-off' : 'badge badge-working'}>{a.disabled ? t.accountDisabled : t.accountActive}</span>
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
