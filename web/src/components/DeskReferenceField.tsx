// The card slip or transfer reference of a desk payment or refund (docs/payments.md §4): the
// same field on the pay form and the refund form, checked by the browser against the server's
// pattern as well as by the form before it is sent.
import type { DeskPayMethod } from '../api/index.ts';
import { useI18n } from '../i18n/index.ts';
import { DESK_REFERENCE_PATTERN } from '../payments.ts';
import { TextField } from './Fields.tsx';

export function DeskReferenceField({
  id,
  method,
  value,
  onInput,
  error,
}: {
  id: string;
  method: DeskPayMethod;
  value: string;
  onInput: (v: string) => void;
  error: string | null;
}) {
  const { t } = useI18n();
  return (
    <TextField
      id={id}
      label={t.payReference[method] ?? ''}
      value={value}
      onInput={onInput}
      required
      pattern={DESK_REFERENCE_PATTERN}
      maxLength={64}
      autoComplete="off"
      spellcheck={false}
      hint={t.payReferenceHint}
      error={error}
    />
  );
}
