import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.ts';

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

/** Shows the server's problem+json message in the current language, or a generic one. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  let detail = t.errorGeneric;
  const notFound = error instanceof ApiError && error.status === 404;
  if (error instanceof ApiError) {
    const msg = lang === 'en' ? error.message_en ?? error.message_vi : error.message_vi ?? error.message_en;
    if (msg) detail = msg;
  }
  return (
    <div class="state state-error" role="alert">
      <p class="state-title">{notFound ? t.errorNotFoundTitle : t.errorTitle}</p>
      <p>{detail}</p>
      {onRetry && !notFound && (
        <button type="button" class="btn btn-secondary" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
