// The actions the server allows on a dossier (`allowed_actions`), each with the fields it needs.
// Nothing is offered that the server did not list; actions that need integrations this UI does
// not have yet (electronic result files, digitizing, national sync) are not shown.
import { useEffect, useRef, useState } from 'preact/hooks';
import { actOnDossier, ActionError, type Dossier, type DossierActionName, type DossierActionRequest } from '../api/index.ts';
import { formatVnd, fromDateTimeLocal, lines, toDateTimeLocal } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { RadioGroup, TextField } from './Fields.tsx';
import { ActionErrorMessage } from './States.tsx';

const HIDDEN = new Set<DossierActionName>(['issue_e_result', 'digitize', 'reuse', 'sync_ack', 'mark_overdue']);
/** Actions that change nothing irreversible are primary; the others are secondary buttons. */
const PRIMARY = new Set<DossierActionName>(['accept', 'forward', 'approve', 'supplement', 'finish', 'return_result', 'rate']);
const DANGER = new Set<DossierActionName>(['refuse', 'stop', 'withdraw']);

export function visibleActions(allowed: DossierActionName[]): DossierActionName[] {
  return allowed.filter((a) => !HIDDEN.has(a));
}

export function ActionPanel({ dossier, onDone }: { dossier: Dossier; onDone: (d: Dossier, action: DossierActionName) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<DossierActionName | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<DossierActionName | null>(null);
  const actions = visibleActions(dossier.allowed_actions);

  useEffect(() => {
    if (open && !dossier.allowed_actions.includes(open)) setOpen(null);
  }, [dossier, open]);

  return (
    <section aria-labelledby="actions-h" class="panel actions-panel">
      <h2 id="actions-h">{t.actionsTitle}</h2>
      {done && (
        <p class="state state-ok" role="status">
          {t.actionDone(t.eventName[done] ?? done)}
        </p>
      )}
      {error !== null && <ActionErrorMessage error={error} />}
      {actions.length === 0 ? (
        <p>{t.noActions}</p>
      ) : (
        <div class="action-buttons">
          {actions.map((a) => (
            <button
              type="button"
              key={a}
              class={`btn ${PRIMARY.has(a) ? 'btn-primary' : DANGER.has(a) ? 'btn-danger' : 'btn-secondary'}`}
              aria-expanded={open === a}
              aria-controls={open === a ? `action-form-${a}` : undefined}
              data-action={a}
              onClick={() => {
                setOpen(open === a ? null : a);
                setError(null);
                setDone(null);
              }}
            >
              {t.actionLabel[a] ?? a}
            </button>
          ))}
        </div>
      )}
      {open && (
        <ActionForm
          key={open}
          action={open}
          dossier={dossier}
          onCancel={() => setOpen(null)}
          onError={(e) => setError(e)}
          onDone={(d) => {
            setOpen(null);
            setError(null);
            setDone(open);
            onDone(d, open);
          }}
        />
      )}
    </section>
  );
}

/** The value of one of an action's choice fields. */
type Choice<K extends 'result_kind' | 'delivery' | 'rating' | 'channel'> = NonNullable<DossierActionRequest[K]>;

function ActionForm({
  action,
  dossier,
  onCancel,
  onDone,
  onError,
}: {
  action: DossierActionName;
  dossier: Dossier;
  onCancel: () => void;
  onDone: (d: Dossier) => void;
  onError: (e: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const [reasons, setReasons] = useState('');
  const [note, setNote] = useState('');
  const [toAgency, setToAgency] = useState('');
  const [newDue, setNewDue] = useState(toDateTimeLocal(dossier.due_at));
  const [resultKind, setResultKind] = useState<Choice<'result_kind'>>('paper');
  const [delivery, setDelivery] = useState<Choice<'delivery'>>(dossier.channel === 'online' ? 'online' : 'desk');
  const [rating, setRating] = useState<Choice<'rating'> | ''>('');
  // Online payments are recorded only by the payment gateway's confirmation, never typed in.
  const [channel, setChannel] = useState<Choice<'channel'>>('desk');
  const [amount, setAmount] = useState(String(Math.max(0, dossier.fee_total - dossier.paid_total)));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, textarea, select, button[type=submit]')?.focus();
  }, []);

  const needsReasons = action === 'refuse' || action === 'request_supplement';
  const optionalReasons = action === 'stop' || action === 'withdraw' || action === 'extend';

  async function onSubmit(e: Event) {
    e.preventDefault();
    setFieldError(null);
    const input: DossierActionRequest = { action };
    const rs = lines(reasons);
    if (needsReasons && rs.length === 0) {
      setFieldError(t.reasonsRequired);
      formRef.current?.querySelector<HTMLElement>('textarea')?.focus();
      return;
    }
    if (rs.length) input.reasons = rs;
    if (note.trim()) input.note = note.trim();
    if (action === 'forward' && toAgency.trim()) input.to_agency = toAgency.trim();
    if (action === 'extend') {
      const v = fromDateTimeLocal(newDue);
      if (!v || (dossier.due_at && Date.parse(v) <= Date.parse(dossier.due_at))) {
        setFieldError(t.newDueAtInvalid);
        document.getElementById('act-new-due')?.focus();
        return;
      }
      input.new_due_at = v;
    }
    if (action === 'finish') input.result_kind = resultKind;
    if (action === 'return_result') input.delivery = delivery;
    if (action === 'rate') {
      if (!rating) {
        setFieldError(t.fieldRequired(t.rating));
        return;
      }
      input.rating = rating;
    }
    if (action === 'pay') {
      input.channel = channel;
      input.amount = Number(amount) || 0;
    }
    setBusy(true);
    try {
      onDone(await actOnDossier(dossier.code, input));
    } catch (err) {
      setBusy(false);
      onError(err);
      if (err instanceof ActionError && err.status === 409) onCancel();
    }
  }

  const radios = <V extends string>(name: string, legend: string, options: Partial<Record<V, string>>, value: V | '', set: (v: V) => void) => (
    <RadioGroup name={name} legend={legend} options={options} value={value} onChange={set} required={action === 'rate'} />
  );

  return (
    <form id={`action-form-${action}`} ref={formRef} class="action-form" onSubmit={onSubmit} noValidate aria-labelledby={`action-form-${action}-h`}>
      <h3 id={`action-form-${action}-h`}>{t.actionLabel[action] ?? action}</h3>
      {t.actionHelp[action] && <p class="hint">{t.actionHelp[action]}</p>}
      {(needsReasons || optionalReasons) && (
        <TextField
          id="act-reasons"
          label={action === 'request_supplement' ? t.supplementDocs : needsReasons ? t.reasons : t.reasonsOptional}
          value={reasons}
          onInput={setReasons}
          multiline
          required={needsReasons}
          error={needsReasons ? fieldError : null}
        />
      )}
      {action === 'forward' && <TextField id="act-to-agency" label={t.toAgency} value={toAgency} onInput={setToAgency} />}
      {action === 'extend' && (
        <TextField id="act-new-due" type="datetime-local" label={t.newDueAt} value={newDue} onInput={setNewDue} required error={fieldError} />
      )}
      {action === 'finish' && radios('result_kind', t.resultKind, t.resultKinds, resultKind, setResultKind)}
      {action === 'return_result' && radios('delivery', t.delivery, t.deliveries, delivery, setDelivery)}
      {action === 'rate' && radios('rating', t.rating, t.ratings, rating, setRating)}
      {action === 'rate' && fieldError && <p class="field-error" role="alert">{fieldError}</p>}
      {action === 'pay' && (
        <>
          {radios('channel', t.paymentChannel, { desk: t.paymentChannels.desk }, channel, setChannel)}
          <TextField id="act-amount" label={t.payAmount} value={amount} onInput={setAmount} inputMode="numeric" hint={formatVnd(Number(amount) || 0, lang)} />
        </>
      )}
      {action !== 'rate' && action !== 'pay' && <TextField id="act-note" label={t.note} value={note} onInput={setNote} multiline rows={2} />}
      <div class="form-actions">
        <button type="submit" class={`btn ${DANGER.has(action) ? 'btn-danger' : 'btn-primary'}`} disabled={busy}>
          {busy ? t.sending : t.confirm}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
