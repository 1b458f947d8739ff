import { ActionError, ApiError } from '../api/index.ts';
import { useI18n, type Lang, type Messages } from '../i18n/index.ts';

/** The server's problem+json message in the UI language; a generic one when there is none
 * (or when the server only echoes its error code). */
export function problemText(error: unknown, t: Messages, lang: Lang): string {
  if (error instanceof ApiError) {
    if (error.code === 'csrf_failed') return t.csrfExpired;
    const useful = (m: string | null) => (m && m !== error.code ? m : null);
    const msg = lang === 'en' ? useful(error.message_en) ?? useful(error.message_vi) : useful(error.message_vi) ?? useful(error.message_en);
    if (msg) return msg;
    if (error.status === 409) return t.conflict;
  }
  return t.errorGeneric;
}

/** A failed action: the message, and for a 409 the actions the server allows now. */
export function ActionErrorMessage({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  const allowed = error instanceof ActionError ? error.allowed_actions : null;
  return (
    <div class="state state-error" role="alert">
      <p class="state-title">{t.conflictTitle}</p>
      <p>{problemText(error, t, lang)}</p>
      {allowed && (
        <p>
          {t.allowedNow}:{' '}
          {allowed.length === 0 ? t.allowedNone : allowed.map((a) => t.actionLabel[a] ?? t.eventName[a] ?? a).join(', ')}
        </p>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="state state-loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {t.loading}
    </p>
  );
}

export function Empty() {
  const { t } = useI18n();
  return (
    <div class="state state-empty" role="status">
      <p class="state-title">{t.empty}</p>
      <p>{t.emptyHint}</p>
    </div>
  );
}

/** Shows the server's problem+json message in the current language, or a generic one.
 * `notFoundTitle` names what a 404 did not find (a procedure by default). */
export function ErrorMessage({ error, onRetry, notFoundTitle }: { error: unknown; onRetry?: () => void; notFoundTitle?: string }) {
  const { t, lang } = useI18n();
  const detail = problemText(error, t, lang);
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div class="state state-error" role="alert">
      <p class="state-title">{notFound ? notFoundTitle ?? t.errorNotFoundTitle : t.errorTitle}</p>
      <p>{detail}</p>
      {onRetry && !notFound && (
        <button type="button" class="btn btn-secondary" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
