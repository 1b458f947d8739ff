// The actions the server allows on a dossier (`allowed_actions`), each with the fields it needs.
// Nothing is offered that the server did not list; actions that need integrations this UI does
// not have yet (electronic result files, digitizing, national sync) are not shown.
import { useEffect, useRef, useState } from 'preact/hooks';
import { actOnDossier, ActionError, type DeskPayMethod, type Dossier, type DossierActionName, type DossierActionRequest } from '../api/index.ts';
import { formatVnd, fromDateTimeLocal, lines, toDateTimeLocal } from '../format.ts';
import { useI18n } from '../i18n/index.ts';
import { DESK_PAY_METHODS, needsReference, outstandingVnd, parseVndAmount, validReference } from '../payments.ts';
import { DeskReferenceField } from './DeskReferenceField.tsx';
import { RadioGroup, TextField } from './Fields.tsx';
import { ActionErrorMessage, problemText } from './States.tsx';

const HIDDEN = new Set<DossierActionName>(['issue_e_result', 'digitize', 'attach', 'reuse', 'sync_ack', 'mark_overdue']);
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
  // At the desk: what is outstanding, taken in cash unless a card slip or transfer says otherwise.
  const [amount, setAmount] = useState(String(outstandingVnd(dossier.fee_total, dossier.paid_total)));
  const [method, setMethod] = useState<DeskPayMethod>('cash');
  const [reference, setReference] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  /** A pay form field's problem (found here, or named by the server's `param`). */
  const [payError, setPayError] = useState<{ field: 'amount' | 'reference'; message: string } | null>(null);
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
    setPayError(null);
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
      const paid = parseVndAmount(amount);
      if (paid === null) {
        setPayError({ field: 'amount', message: t.payAmountInvalid });
        document.getElementById('act-amount')?.focus();
        return;
      }
      input.channel = channel;
      input.amount = paid;
      if (channel === 'desk') {
        input.method = method;
        if (needsReference(method)) {
          const ref = reference.trim();
          const label = t.payReference[method] ?? '';
          if (!validReference(ref)) {
            setPayError({ field: 'reference', message: ref ? t.payReferenceInvalid : t.fieldRequired(label) });
            document.getElementById('act-reference')?.focus();
            return;
          }
          input.reference = ref;
        }
      }
    }
    setBusy(true);
    try {
      onDone(await actOnDossier(dossier.code, input));
    } catch (err) {
      setBusy(false);
      onError(err);
      // A reference or amount the server refused (already credited, malformed, more than is due)
      // is marked on its field and the form stays open to correct it.
      const param = err instanceof ActionError ? err.param : null;
      if (action === 'pay' && (param === 'amount' || (param === 'reference' && needsReference(method)))) {
        setPayError({ field: param, message: problemText(err, t, lang) });
        document.getElementById(`act-${param}`)?.focus();
        return;
      }
      if (err instanceof ActionError && err.status === 409) onCancel();
    }
  }

  /** A zero as "0 ₫" (formatVnd reads 0 as "free"). */
  const money = (n: number) => (n ? formatVnd(n, lang) : t.currencyFormat('0'));

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
          <TextField
            id="act-amount"
            label={t.payAmount}
            value={amount}
            onInput={setAmount}
            inputMode="numeric"
            autoComplete="off"
            required
            hint={`${t.payOutstanding}: ${money(outstandingVnd(dossier.fee_total, dossier.paid_total))} · ${t.payAmountEntered}: ${money(parseVndAmount(amount) ?? 0)}`}
            error={payError?.field === 'amount' ? payError.message : null}
          />
          {channel === 'desk' && (
            <>
              {radios(
                'method',
                t.payMethod,
                Object.fromEntries(DESK_PAY_METHODS.map((m) => [m, t.payMethods[m] ?? m])) as Record<DeskPayMethod, string>,
                method,
                (m) => {
                  setMethod(m);
                  setPayError(null);
                },
              )}
              {needsReference(method) && (
                <DeskReferenceField
                  id="act-reference"
                  method={method}
                  value={reference}
                  onInput={setReference}
                  error={payError?.field === 'reference' ? payError.message : null}
                />
              )}
            </>
          )}
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
