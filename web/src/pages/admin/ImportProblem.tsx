// A refused one-record import, shown by line: which record, which field (in the form's words) and
// what the server found. The server's detail is English technical text, marked as such.
import { ActionError } from '../../api/index.ts';
import { ErrorMessage } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.ts';
import { parseImportParam, type ImportWhere } from './records.ts';

/** Where an invalid_import error points, or null for any other failure. */
export function importWhere(error: unknown): ImportWhere | null {
  return error instanceof ActionError && error.code === 'invalid_import' ? parseImportParam(error.param) : null;
}

export function ImportProblem({ error, labels }: { error: unknown; labels: Record<string, string> }) {
  const { t, lang } = useI18n();
  const where = importWhere(error);
  if (!where || !(error instanceof ActionError)) return <ErrorMessage error={error} />;
  const label = labels[where.path] ?? labels[where.field] ?? where.path;
  const place =
    where.line !== null
      ? t.adminImportLine(where.line)
      : t.adminImportAt(where.record === null ? null : where.record + 1, where.item === null ? null : where.item + 1, label);
  const summary = lang === 'en' ? error.message_en : error.message_vi;
  return (
    <div id="import-problem" class="state state-error import-problem" role="alert" tabIndex={-1}>
      <p class="state-title">{t.adminImportRefused}</p>
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
