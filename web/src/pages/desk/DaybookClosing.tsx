// The day's closing on the day book (chốt sổ, POST /api/v1/payments/daybook/closings): once
// recorded, who closed it and when, the cash counted against the cash expected (a shortage
// stands out) and the rows that came after it; until then, for whoever collects there, the form
// that closes it with the cash counted.
import { useState } from 'preact/hooks';
import { ActionError, closeDaybook, type Daybook, type DaybookClosing } from '../../api/index.ts';
import { TextField } from '../../components/Fields.tsx';
import { ActionErrorMessage, problemText } from '../../components/States.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/index.ts';
import { bookAmount } from './daybook.ts';
import { cashGap, checkClosing, countAfterClosing } from './closing.ts';

export function DaybookClosingSection({ book, mayClose, onClosed }: { book: Daybook; mayClose: boolean; onClosed: () => void }) {
  if (book.closing) return <ClosingSummary closing={book.closing} after={countAfterClosing(book.entries, book.closing)} />;
  return mayClose ? <CloseDayForm book={book} onClosed={onClosed} /> : null;
}

function ClosingSummary({ closing: c, after }: { closing: DaybookClosing; after: number }) {
  const { t, lang } = useI18n();
  const money = (n: number) => bookAmount(n, lang);
  const gap = cashGap(c.cash_difference_vnd);
  return (
    <section class="daybook-closing" aria-labelledby="closing-h" data-gap={gap}>
      <h3 id="closing-h">{t.closingTitle}</h3>
      <p>{t.closingDone(formatDateTime(c.closed_at, lang), c.closed_by)}</p>
      <dl class="summary">
        <div>
          <dt>{t.closingEntries}</dt>
          <dd>{c.entries}</dd>
        </div>
        <div>
          <dt>{t.daybookReceived}</dt>
          <dd>{money(c.payments_vnd)}</dd>
        </div>
        <div>
          <dt>{t.daybookRefunded}</dt>
          <dd>{money(c.refunds_vnd)}</dd>
        </div>
        <div>
          <dt>{t.closingExpected}</dt>
          <dd id="closing-expected">{money(c.cash_expected_vnd)}</dd>
        </div>
        <div>
          <dt>{t.closingCounted}</dt>
          <dd id="closing-counted">{money(c.cash_counted_vnd)}</dd>
        </div>
        <div class={`closing-gap closing-gap-${gap}`}>
          <dt>{t.closingDifference}</dt>
          <dd id="closing-difference">
            <strong>
              {t.closingGap[gap]}
              {gap !== 'even' && `: ${money(Math.abs(c.cash_difference_vnd))}`}
            </strong>
          </dd>
        </div>
        {c.note && (
          <div class="wide">
            <dt>{t.note}</dt>
            <dd>{c.note}</dd>
          </div>
        )}
      </dl>
      {after > 0 && (
        <p class="state state-error closing-after" role="note">
          {t.closingAfter(after)}
        </p>
      )}
    </section>
  );
}

function CloseDayForm({ book, onClosed }: { book: Daybook; onClosed: () => void }) {
  const { t, lang } = useI18n();
  const [counted, setCounted] = useState('');
  const [note, setNote] = useState('');
  const [fieldError, setFieldError] = useState<{ field: 'counted' | 'note'; message: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const expected = bookAmount(book.cash_vnd, lang);

  function mark(field: 'counted' | 'note', message: string) {
    setFieldError({ field, message });
    document.getElementById(`close-${field}`)?.focus();
  }

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    setFieldError(null);
    const checked = checkClosing({ counted, note }, book.agency, book.date);
    if (!checked.ok) {
      if (checked.field === 'note') mark('note', t.textTooLong);
      else mark('counted', checked.problem === 'required' ? t.fieldRequired(t.closeCounted) : t.closeCountedInvalid);
      return;
    }
    setBusy(true);
    try {
      await closeDaybook(checked.request);
      onClosed();
    } catch (err) {
      setBusy(false);
      setError(err);
      const param = err instanceof ActionError ? err.param : null;
      if (param === 'cash_counted_vnd') mark('counted', problemText(err, t, lang));
      else if (param === 'note') mark('note', problemText(err, t, lang));
      // Closed meanwhile (another cashier): the book as it is now shows who closed it.
      else if (err instanceof ActionError && err.status === 409) onClosed();
    }
  }

  return (
    <form class="action-form daybook-close no-print" onSubmit={submit} noValidate aria-labelledby="close-h">
      <h3 id="close-h">{t.closeTitle}</h3>
      <p class="hint">{t.closeHint(expected)}</p>
      {error !== null && <ActionErrorMessage error={error} />}
      <TextField
        id="close-counted"
        label={t.closeCounted}
        value={counted}
        onInput={setCounted}
        inputMode="numeric"
        autoComplete="off"
        required
        error={fieldError?.field === 'counted' ? fieldError.message : null}
      />
      <TextField id="close-note" label={t.note} value={note} onInput={setNote} multiline rows={2} error={fieldError?.field === 'note' ? fieldError.message : null} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t.sending : t.closeSubmit}
        </button>
      </div>
    </form>
  );
}
