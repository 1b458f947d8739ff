// Pieces shared by the administration screens: a success message and validation wording.
import type { ComponentChildren } from 'preact';
import type { Messages } from '../../i18n/index.ts';
import type { FieldProblem } from './records.ts';

/** A success message, announced politely. */
export function Done({ children }: { children: ComponentChildren }) {
  return (
    <p class="state state-ok" role="status">
      {children}
    </p>
  );
}

/** One validation problem in words: `label` is the field's label, `total` the steps' share sum. */
export function describeProblem(t: Messages, problem: FieldProblem['problem'], label: string, total = 0): string {
  switch (problem) {
    case 'required':
      return t.fieldRequired(label);
    case 'format':
      return t.adminFieldFormat(label);
    case 'order':
      return t.adminDateOrder(label);
    case 'sum':
      return t.adminSharesSum(total);
  }
}
