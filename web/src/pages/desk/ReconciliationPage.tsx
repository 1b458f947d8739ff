// The reconciliation of a gateway's day (đối soát, GET /api/v1/payments/reconciliation): the
// gateway's signed report against the ledger, for province administrators and auditors. The
// gateway and the day are in the address (`cong`, `ngay`), as the day book's agency and day are.
import { useState } from 'preact/hooks';
import { getReconciliation, type ReconciledGateway } from '../../api/index.ts';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDate } from '../../format.ts';
import { useDocumentTitle, useLoad, useSignInFirst } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { navigate, useLocation } from '../../router.ts';
import { hasRole, useSession } from '../../session.ts';
import { isIsoDate, vietnamDate } from './daybook.ts';
import { RECONCILED_GATEWAYS, RECONCILIATION_ROLES, readGateway, reconciliationHref } from './reconciliation.ts';
import { ReconciliationResult } from './ReconciliationResult.tsx';
import './reconciliation.css';

export function ReconciliationPage() {
  const { t } = useI18n();
  const { me } = useSession();
  useDocumentTitle(t.reconTitle);
  useSignInFirst(me);

  const allowed = hasRole(me, ...RECONCILIATION_ROLES);
  return (
    <section class="recon-page" aria-labelledby="recon-h">
      <h1 id="recon-h">{t.reconTitle}</h1>
      <p class="muted">{t.reconIntro}</p>
      {me === undefined && <Loading />}
      {me && !allowed && <p class="state state-error">{t.reconOnly}</p>}
      {me && allowed && <ReconciliationView />}
    </section>
  );
}

function ReconciliationView() {
  const { t, lang } = useI18n();
  const { search } = useLocation();
  const today = vietnamDate(Date.now());
  const gateway = readGateway(search.get('cong'));
  const asked = search.get('ngay');
  const date = isIsoDate(asked) ? asked : today;
  const loaded = useLoad(`${gateway}|${date}`, (signal) => getReconciliation({ gateway, date }, signal));
  const result = loaded.loading || loaded.error !== null ? null : loaded.data;
  const name = (g: string) => t.ledgerChannels[g] ?? g;

  return (
    <>
      <ReconciliationForm
        key={`${gateway}|${date}`}
        gateway={gateway}
        date={date}
        today={today}
        onApply={(g, d) => navigate(reconciliationHref(g, d === today ? null : d))}
      />
      {loaded.loading && <Loading />}
      {!loaded.loading && loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} />}
      {result && <ReconciliationResult r={result} gatewayName={name(result.gateway)} />}
      <p class="visually-hidden" aria-live="polite">
        {result ? t.reconLoaded(name(result.gateway), formatDate(result.date, lang)) : ''}
      </p>
    </>
  );
}

function ReconciliationForm(p: { gateway: ReconciledGateway; date: string; today: string; onApply: (gateway: ReconciledGateway, date: string) => void }) {
  const { t } = useI18n();
  const [gateway, setGateway] = useState<ReconciledGateway>(p.gateway);
  const [date, setDate] = useState(p.date);
  const [error, setError] = useState<string | null>(null);

  function submit(e: Event) {
    e.preventDefault();
    if (!isIsoDate(date) || date > p.today) {
      setError(t.daybookDateInvalid);
      document.getElementById('recon-date')?.focus();
      return;
    }
    setError(null);
    p.onApply(gateway, date);
  }

  return (
    <form class="panel daybook-form no-print" onSubmit={submit} noValidate aria-labelledby="recon-form-h">
      <h2 id="recon-form-h" class="visually-hidden">
        {t.reconChoose}
      </h2>
      <div class="daybook-form-row">
        <SelectField
          id="recon-gateway"
          label={t.reconGateway}
          value={gateway}
          onChange={(v) => setGateway(readGateway(v))}
          options={RECONCILED_GATEWAYS.map((g) => ({ value: g, label: t.ledgerChannels[g] ?? g }))}
        />
        <TextField id="recon-date" type="date" label={t.daybookDate} value={date} onInput={setDate} max={p.today} required error={error} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary">
            {t.reconShow}
          </button>
        </div>
      </div>
    </form>
  );
}
