// One dossier for its applicant or an officer: status and due state, the actions the server
// allows, the supplementation request, fees and payments (paid online by the applicant), its
// electronic results (verified, revoked), steps, components (with what the applicant's data store
// holds for them, and its reuse) and the history timeline.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { formPdfUrl, getDossier, getDossierEvents, getProcedure, type Dossier, type DossierEvent, type ProcedureDetail } from '../../api/index.ts';
import { ActionPanel } from '../../components/ActionPanel.tsx';
import { DueBadge, StatusBadge } from '../../components/Badges.tsx';
import { DossierComponents } from '../../components/DossierComponents.tsx';
import { Link } from '../../components/Link.tsx';
import { PaymentPanel } from '../../components/PaymentPanel.tsx';
import { ResultsPanel } from '../../components/ResultsPanel.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDateTime, formatVnd } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { localized, useI18n } from '../../i18n/index.ts';
import { dossierPath, navigate, procedurePath, useLocation } from '../../router.ts';
import { isApplicant, isOfficer, useSession } from '../../session.ts';

const OPEN = new Set([1, 2, 4, 5, 6, 9]);

export function DossierPage({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { path, search } = useLocation();
  const loaded = useLoad(code, (s) => getDossier(code, s), !!me);
  const dossier = loaded.data;
  const error = loaded.error;
  // The procedure's names and components; the dossier is shown without them if this fails.
  const proc = useLoad(dossier?.procedure ?? '', (s) => getProcedure(dossier!.procedure, s).catch(() => null), !!dossier).data;
  // The history; an empty one if it cannot be read. Reloaded after each action.
  const history = useLoad(code, (s) => getDossierEvents(code, s).then((r) => r.items, () => [] as DossierEvent[]), !!me);
  const events = history.data;
  useDocumentTitle(t.dossierTitle(code));

  useEffect(() => {
    if (me === null) navigate(`/dang-nhap?next=${encodeURIComponent(path)}`, { replace: true });
  }, [me, path]);

  const fresh = search.get('moi') === '1';
  return (
    <article class="dossier">
      <nav aria-label={t.breadcrumb} class="breadcrumb">
        <ol>
          <li>
            {isOfficer(me) ? <Link href="/can-bo/ho-so">{t.inboxTitle}</Link> : <Link href="/ho-so-cua-toi">{t.myDossiersTitle}</Link>}
          </li>
          <li aria-current="page">{code}</li>
        </ol>
      </nav>
      <h1>
        {t.dossierTitle(code)}
        {dossier && <span class="h1-sub">{proc ? localized(lang, proc.name_vi, proc.name_en) : dossier.procedure_name_vi}</span>}
      </h1>
      {fresh && dossier && (
        <p class="state state-ok" role="status">
          {dossier.channel === 'online' && isApplicant(me) ? t.submittedBanner(dossier.code) : t.receivedBanner(dossier.code)}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} onRetry={loaded.reload} />}
      {!dossier && error === null && <Loading />}
      {dossier && (
        <DossierBody
          dossier={dossier}
          proc={proc}
          events={events}
          onChanged={(d) => {
            loaded.set(d);
            history.reload();
          }}
        />
      )}
    </article>
  );
}

function DossierBody({
  dossier: d,
  proc,
  events,
  onChanged,
}: {
  dossier: Dossier;
  proc: ProcedureDetail | null;
  events: DossierEvent[] | null;
  onChanged: (d: Dossier) => void;
}) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const open = OPEN.has(d.status);
  const lastRequest = events ? [...events].reverse().find((e) => e.action === 'request_supplement') : undefined;
  const requested = Array.isArray(lastRequest?.payload?.reasons) ? (lastRequest!.payload.reasons as string[]) : [];

  return (
    <>
      <div class="badges dossier-badges">
        <StatusBadge status={d.status} name_vi={d.status_name_vi} />
        {open && d.due_at && <DueBadge state={d.due_state} />}
      </div>

      {d.status === 5 && requested.length > 0 && (
        <section class="panel notice" aria-labelledby="supp-h">
          <h2 id="supp-h">{t.eventName.request_supplement}</h2>
          <p>{t.supplementRequested}</p>
          <ul>
            {requested.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </section>
      )}

      {me && <ActionPanel dossier={d} onDone={(nd) => onChanged(nd)} />}

      {me && <PaymentPanel dossier={d} onChanged={onChanged} />}

      {me && <ResultsPanel dossier={d} />}

      {d.rating && (
        <p class="panel">
          {t.yourRating}: <strong>{t.ratings[d.rating] ?? d.rating}</strong>
        </p>
      )}

      <section aria-labelledby="sum-h" class="panel">
        <h2 id="sum-h">{t.dossierSummary}</h2>
        <dl class="summary">
          <Item label={t.dossierCode} value={<span class="code">{d.code}</span>} />
          <Item
            label={t.procedure}
            value={<Link href={procedurePath(d.procedure)}>{proc ? localized(lang, proc.name_vi, proc.name_en) : d.procedure_name_vi ?? d.procedure}</Link>}
          />
          <Item label={t.applicant} value={`${d.applicant.name} (${d.applicant.id_number})`} />
          {d.applicant.phone && <Item label={t.phone} value={d.applicant.phone} />}
          <Item label={t.channel} value={t.channelName[d.channel] ?? d.channel} />
          <Item label={t.receivingAgency} value={d.receiving_agency_name_vi ?? d.receiving_agency} />
          {open && d.current_agency_name_vi && <Item label={t.currentAgency} value={d.current_agency_name_vi} />}
          <Item label={t.submittedAt} value={formatDateTime(d.submitted_at, lang)} />
          <Item label={t.receivedAt} value={formatDateTime(d.received_at, lang)} />
          <Item label={t.dueAt} value={formatDateTime(d.due_at, lang)} />
          {d.finished_at && <Item label={t.finishedAt} value={formatDateTime(d.finished_at, lang)} />}
          {d.returned_at && <Item label={t.returnedAt} value={formatDateTime(d.returned_at, lang)} />}
          <Item label={t.feeTotal} value={formatVnd(d.fee_total, lang)} />
          {d.paid_total > 0 && <Item label={t.paidTotal} value={formatVnd(d.paid_total, lang)} />}
        </dl>
        {isOfficer(me) && d.received_at && (
          <p class="button-row">
            {/* One click: the A4 form 01 opens in the browser's PDF viewer, ready to print. */}
            <a href={formPdfUrl(d.code, 'receipt')} target="_blank" rel="noopener" class="btn btn-primary">
              {t.printReceiptPdf}
            </a>
            <Link href={`${dossierPath(d.code)}/giay-tiep-nhan`} class="btn btn-secondary">
              {t.printReceipt}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="steps-h" class="panel">
        <h2 id="steps-h">{t.stepsTitle}</h2>
        <StepList steps={d.steps} current={open ? d.current_step : -1} />
      </section>

      <DossierComponents dossier={d} proc={proc} onChanged={onChanged} />

      <section aria-labelledby="hist-h" class="panel">
        <h2 id="hist-h">{t.historyTitle}</h2>
        {events === null ? <Loading /> : <Timeline events={events} />}
      </section>
    </>
  );
}

function Item({ label, value }: { label: string; value: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function StepList({ steps, current }: { steps: { name_vi: string; agency_name_vi: string | null; due_at: string | null; started_at: string | null; completed_at: string | null }[]; current: number }) {
  const { t, lang } = useI18n();
  return (
    <ol class="step-list">
      {steps.map((s, i) => {
        const state = s.completed_at ? 'done' : i === current || (current < 0 && s.started_at && !s.completed_at) ? 'current' : 'pending';
        return (
          <li key={i} class={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <div class="step-head">
              <span class="step-name">{s.name_vi}</span>
              <span class={`tag step-tag-${state}`}>{t.stepState[state]}</span>
            </div>
            <div class="step-meta muted">
              {s.agency_name_vi}
              {s.due_at && (
                <>
                  {' · '}
                  {t.stepDue}: {formatDateTime(s.due_at, lang)}
                </>
              )}
              {s.completed_at && <> · ✓ {formatDateTime(s.completed_at, lang)}</>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function Timeline({ events }: { events: DossierEvent[] }) {
  const { t, lang } = useI18n();
  if (events.length === 0) return <p>{t.historyEmpty}</p>;
  return (
    <ol class="timeline">
      {events.map((e) => {
        const reasons = Array.isArray(e.payload?.reasons) ? (e.payload.reasons as string[]) : [];
        const note = typeof e.payload?.note === 'string' ? (e.payload.note as string) : '';
        const rating = typeof e.payload?.rating === 'string' ? (e.payload.rating as string) : '';
        return (
          <li key={e.seq} data-action={e.action}>
            <p class="timeline-head">
              <strong>{t.eventName[e.action] ?? e.action}</strong>
              <time dateTime={e.at} class="muted">
                {' '}
                {formatDateTime(e.at, lang)}
              </time>
            </p>
            <p class="muted small">
              {e.to_status !== e.from_status && <>{t.statusName[e.to_status]} · </>}
              {t.by} <span class="code">{e.actor_login}</span>
            </p>
            {reasons.length > 0 && (
              <ul class="small">
                {reasons.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            )}
            {note && <p class="small prewrap">{note}</p>}
            {rating && <p class="small">{t.ratings[rating] ?? rating}</p>}
          </li>
        );
      })}
    </ol>
  );
}
