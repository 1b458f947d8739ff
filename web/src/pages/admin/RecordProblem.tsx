// A record the server refused (PUT of an agency or a procedure), shown with the field it names in
// the form's words and what the server found. The server's detail is English technical text,
// marked as such.
import { ActionError } from '../../api/index.ts';
import { ErrorMessage } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.ts';
import { parseFieldParam, type FieldWhere } from './records.ts';

/** The refusal codes that name a field of the record in their param. */
const FIELD_CODES = new Set(['invalid_import', 'code_mismatch']);

/** Which field a refused record's error names, or null for any other failure. */
export function problemWhere(error: unknown): FieldWhere | null {
  return error instanceof ActionError && FIELD_CODES.has(error.code) ? parseFieldParam(error.param) : null;
}

export function RecordProblem({ error, labels }: { error: unknown; labels: Record<string, string> }) {
  const { t, lang } = useI18n();
  const where = problemWhere(error);
  if (!where || !(error instanceof ActionError)) return <ErrorMessage error={error} />;
  const label = labels[where.path] ?? labels[where.field] ?? where.path;
  const place = t.adminRecordAt(where.item === null ? null : where.item + 1, label);
  const summary = lang === 'en' ? error.message_en : error.message_vi;
  return (
    <div id="record-problem" class="state state-error record-problem" role="alert" tabIndex={-1}>
      <p class="state-title">{t.adminRecordRefused}</p>
      <ul>
        <li data-param={error.param ?? ''}>
          <strong>{place}</strong>
          {error.detail ? (
            <>
              {': '}
              <span lang="en">{error.detail}</span>
            </>
          ) : null}
        </li>
      </ul>
      {summary && <p class="small">{summary}</p>}
    </div>
  );
}
