// The cashier's refund of one payment (POST /api/v1/payments/{id}/refunds, docs/payments.md §4):
// the reason, how the money goes back (cash unless a card slip or transfer says otherwise), and
// the amount (blank: the whole payment). Checked here first; a field the server refuses (its
// `param`) is marked on that field, and its message shown above the form.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ActionError, refundPayment, type LedgerEntry, type RefundMethod } from '../api/index.ts';
import { useI18n } from '../i18n/index.ts';
import { needsReference } from '../payments.ts';
import { REFUND_METHODS, checkRefund, refundField, type RefundCheck, type RefundField } from '../refunds.ts';
import { DeskReferenceField } from './DeskReferenceField.tsx';
import { RadioGroup, TextField } from './Fields.tsx';
import { ActionErrorMessage, problemText } from './States.tsx';

export function RefundForm({
  payment,
  money,
  onCancel,
  onDone,
}: {
  payment: LedgerEntry;
  money: (n: number) => string;
  onCancel: () => void;
  onDone: (refund: LedgerEntry) => void;
}) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<RefundMethod>('cash');
  const [reference, setReference] = useState('');
  const [amount, setAmount] = useState('');
  const [fieldError, setFieldError] = useState<{ field: RefundField; message: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const prefix = `refund-${payment.id}`;
  const whole = money(payment.amount_vnd);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('textarea')?.focus();
  }, []);

  /** The message of a check that failed, in the UI language. */
  function message(c: Extract<RefundCheck, { ok: false }>): string {
    if (c.problem === 'too_long') return t.textTooLong;
    if (c.field === 'reason') return t.fieldRequired(t.refundReason);
    if (c.field === 'amount') return c.problem === 'too_much' ? t.refundAmountTooMuch(whole) : t.payAmountInvalid;
    const label = t.payReference[method] ?? '';
    return c.problem === 'required' ? t.fieldRequired(label) : t.payReferenceInvalid;
  }

  function mark(field: RefundField, text: string) {
    setFieldError({ field, message: text });
    document.getElementById(`${prefix}-${field}`)?.focus();
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    setError(null);
    setFieldError(null);
    const checked = checkRefund({ reason, method, reference, amount }, payment.amount_vnd);
    if (!checked.ok) {
      mark(checked.field, message(checked));
      return;
    }
    setBusy(true);
    try {
      const refund = await refundPayment(payment.id, checked.request);
      onDone(refund);
    } catch (err) {
      setBusy(false);
      setError(err);
      const field = err instanceof ActionError ? refundField(err.param) : null;
      if (field && (field !== 'reference' || needsReference(method))) mark(field, problemText(err, t, lang));
    }
  }

  return (
    <form id={`${prefix}-form`} ref={formRef} class="action-form refund-form" onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-h`}>
      <h4 id={`${prefix}-h`}>{t.refundTitle(payment.id, whole)}</h4>
      <p class="hint">{t.refundHint}</p>
      {error !== null && <ActionErrorMessage error={error} />}
      <TextField
        id={`${prefix}-reason`}
        label={t.refundReason}
        value={reason}
        onInput={setReason}
        multiline
        rows={2}
        required
        error={fieldError?.field === 'reason' ? fieldError.message : null}
      />
      <RadioGroup
        name={`${prefix}-method`}
        legend={t.refundMethod}
        options={Object.fromEntries(REFUND_METHODS.map((m) => [m, t.payMethods[m] ?? m])) as Record<RefundMethod, string>}
        value={method}
        onChange={(m) => {
          setMethod(m);
          if (fieldError?.field === 'reference') setFieldError(null);
        }}
      />
      {needsReference(method) && (
        <DeskReferenceField
          id={`${prefix}-reference`}
          method={method}
          value={reference}
          onInput={setReference}
          error={fieldError?.field === 'reference' ? fieldError.message : null}
        />
      )}
      <TextField
        id={`${prefix}-amount`}
        label={t.refundAmount}
        value={amount}
        onInput={setAmount}
        inputMode="numeric"
        autoComplete="off"
        hint={t.refundAmountHint(whole)}
        error={fieldError?.field === 'amount' ? fieldError.message : null}
      />
      <div class="form-actions">
        <button type="submit" class="btn btn-danger" disabled={busy}>
          {busy ? t.sending : t.refundSubmit}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onCancel} disabled={busy}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
