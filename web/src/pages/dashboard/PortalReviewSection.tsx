// The review queue of what the national portal sent (docs/dvcqg.md §3.5), on the sync page for the
// province administrator: procedures and agencies that differ from the province's catalogue, and
// dossiers submitted on the portal that could not be created — each accepted (a dossier with the
// receiving agency the administrator names) or dismissed, with a note. "Pull now" buttons take in
// the portal's dossiers and compare its catalogue at once instead of waiting for the timer.
import { useState } from 'preact/hooks';
import {
  decidePortalReview,
  listPortalReview,
  pullPortalCatalogue,
  pullPortalDossiers,
  type PortalReviewItem,
  type PortalReviewQuery,
} from '../../api/index.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';

type Kind = NonNullable<PortalReviewQuery['kind']>;
const KINDS: Kind[] = ['dossier', 'procedure', 'agency'];

export function PortalReviewSection() {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('dossier');
  const [pulled, setPulled] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const queue = useLoad(kind, (s) => listPortalReview({ kind, status: 'pending', limit: 200 }, s));

  async function run(what: () => Promise<string>) {
    setBusy(true);
    setActionError(null);
    try {
      setPulled(await what());
      queue.reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  }

  const pullDossiers = () =>
    run(async () => {
      const r = await pullPortalDossiers();
      return r.complete ? t.portalPulledDossiers(r.created, r.known, r.queued) : t.portalPullFailed(r.error ?? '');
    });
  const pullCatalogue = () =>
    run(async () => {
      const r = await pullPortalCatalogue();
      return r.complete ? t.portalPulledCatalogue(r.differences, r.queued, r.resolved) : t.portalPullFailed(r.error ?? '');
    });

  return (
    <section class="dash-section portal-review" aria-labelledby="portal-review">
      <h2 id="portal-review">{t.portalReviewTitle}</h2>
      <p class="muted">{t.portalReviewIntro}</p>
      <p class="actions">
        <button type="button" class="btn btn-secondary" onClick={pullDossiers} disabled={busy} data-testid="portal-pull-dossiers">
          {t.portalPullDossiers}
        </button>{' '}
        <button type="button" class="btn btn-secondary" onClick={pullCatalogue} disabled={busy} data-testid="portal-pull-catalogue">
          {t.portalPullCatalogue}
        </button>
      </p>
      {pulled && (
        <p role="status" data-testid="portal-pulled">
          {pulled}
        </p>
      )}
      {actionError !== null && <ErrorMessage error={actionError} />}
      <div class="tabs" role="group" aria-label={t.portalReviewKind}>
        {KINDS.map((k) => (
          <button
            type="button"
            key={k}
            class={`btn ${k === kind ? 'btn-primary' : 'btn-secondary'}`}
            aria-pressed={k === kind}
            onClick={() => setKind(k)}
          >
            {t.portalKind[k]} ({queue.data?.pending[k] ?? 0})
          </button>
        ))}
      </div>
      {queue.error !== null && <ErrorMessage error={queue.error} onRetry={queue.reload} />}
      {!queue.data && queue.error === null && <Loading />}
      {queue.data && queue.data.items.length === 0 && (
        <p class="state state-empty" role="status" data-testid="portal-review-empty">
          {t.portalReviewEmpty}
        </p>
      )}
      {queue.data && queue.data.items.length > 0 && (
        <ul class="portal-items">
          {queue.data.items.map((item) => (
            <ReviewItem key={item.id} item={item} onDecided={queue.reload} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One pending item: the portal's record, what differs, and the decision form. */
function ReviewItem({ item, onDecided }: { item: PortalReviewItem; onDecided: () => void }) {
  const { t, lang } = useI18n();
  const [note, setNote] = useState('');
  const [agency, setAgency] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const record = (item.record ?? {}) as Record<string, unknown>;
  const title = String(record.TenTTHC ?? record.TenCoQuan ?? record.ChuHoSo ?? '');

  async function decide(accept: boolean) {
    setBusy(true);
    setError(null);
    try {
      const body: { note?: string; agency?: string } = {};
      if (note.trim()) body.note = note.trim();
      if (accept && item.kind === 'dossier' && agency.trim()) body.agency = agency.trim();
      await decidePortalReview(item.id, accept, body);
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li class="card portal-item" data-id={item.id} data-code={item.code}>
      <p>
        <strong class="code">{item.code}</strong> {title && <span>— {title}</span>}{' '}
        <span class="badge">{t.portalChange[item.change]}</span>
      </p>
      <p class="muted">
        {item.reason} · {t.portalFirstSeen} {formatDateTime(item.first_seen_at, lang)}
      </p>
      {item.kind === 'dossier' && (
        <label>
          {t.portalAcceptAgency}
          <input type="text" value={agency} onInput={(e) => setAgency((e.target as HTMLInputElement).value)} placeholder="H32.22333.01" />
        </label>
      )}
      <label>
        {t.portalNote}
        <input type="text" value={note} maxLength={1000} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      </label>
      <p class="actions">
        <button type="button" class="btn btn-primary" onClick={() => decide(true)} disabled={busy}>
          {item.kind === 'dossier' ? t.portalAcceptDossier : t.portalAccept}
        </button>{' '}
        <button type="button" class="btn btn-secondary" onClick={() => decide(false)} disabled={busy}>
          {t.portalDismiss}
        </button>
      </p>
      {error !== null && <ErrorMessage error={error} />}
    </li>
  );
}
