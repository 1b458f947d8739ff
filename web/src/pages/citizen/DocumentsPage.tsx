// "Kho dữ liệu của tôi": the signed-in citizen's or organisation's data store (GET
// /api/v1/me/documents), newest first — each document with its kind, status, source dossier and
// procedure, agency, validity, file downloads, the verification page of a signed result, and its
// history on demand (GET /api/v1/documents/{id}). Officers are told it is the applicants' page.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { getStoredDocument, listMyDocuments, storedDocumentFileUrl, type StoredDocument, type StoredDocumentEvent } from '../../api/index.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import { downloadName, historyNote, mediaTypeLabel, type HistoryNote } from '../../documents.ts';
import { formatDate, formatDateTime, formatFileSize } from '../../format.ts';
import { useDocumentTitle, useLoad, useSignInFirst } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { verificationPath } from '../../results.ts';
import { dossierPath, procedurePath } from '../../router.ts';
import { isApplicant, useSession } from '../../session.ts';

export function DocumentsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  useDocumentTitle(t.documentsTitle);
  useSignInFirst(me);
  const applicant = isApplicant(me);
  const loaded = useLoad('mine', (s) => listMyDocuments(s), applicant);
  const items = loaded.data?.items ?? null;

  return (
    <section class="documents-page" aria-labelledby="documents-h">
      <h1 id="documents-h">{t.documentsTitle}</h1>
      <p class="page-intro muted">{t.documentsIntro}</p>
      {me && !applicant && (
        <p class="state state-empty" role="status">
          {t.documentsApplicantsOnly}
        </p>
      )}
      {applicant && loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} notFoundTitle={t.errorTitle} />}
      {applicant && loaded.error === null && items === null && <Loading />}
      {items && items.length === 0 && (
        <div class="state state-empty" role="status" data-testid="documents-empty">
          <p class="state-title">{t.documentsEmpty}</p>
          <p>{t.documentsEmptyHint}</p>
        </div>
      )}
      {items && items.length > 0 && (
        <>
          <p class="muted" role="status">
            {t.documentsCount(items.length)}
          </p>
          <ul class="doc-list">
            {items.map((d) => (
              <DocumentItem key={d.id} doc={d} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DocumentItem({ doc: d }: { doc: StoredDocument }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const prefix = `doc-${d.id}`;
  const agency = d.issuing_agency ?? d.deposited_by_agency;

  return (
    <li class="panel doc-item" data-testid="stored-document" data-id={d.id} data-status={d.status} data-kind={d.kind}>
      <h2 id={`${prefix}-h`} class="doc-title" lang="vi">
        {d.title}
      </h2>
      <p class="badges">
        <span class={`badge doc-kind doc-kind-${d.kind}`}>{t.documentKind[d.kind] ?? d.kind}</span>
        <span class={`badge doc-status doc-status-${d.status}`} data-testid="document-status">
          {t.documentStatus[d.status] ?? d.status}
        </span>
      </p>
      <dl class="summary doc-facts">
        <Fact label={t.documentSourceDossier}>
          <Link href={dossierPath(d.source.dossier_code)} class="code">
            {d.source.dossier_code}
          </Link>
        </Fact>
        <Fact label={t.documentProcedure}>
          <Link href={procedurePath(d.source.procedure_code)} lang="vi">
            {d.source.procedure_name_vi ?? d.source.procedure_code}
          </Link>
        </Fact>
        {agency && (
          <Fact label={d.issuing_agency ? t.documentIssuingAgency : t.documentDepositedBy}>
            <span lang="vi">{agency.name_vi ?? agency.code}</span>
          </Fact>
        )}
        <Fact label={t.documentValidFrom}>{formatDate(d.valid_from, lang)}</Fact>
        <Fact label={t.documentValidUntil}>{d.valid_until ? formatDate(d.valid_until, lang) : t.documentNoExpiry}</Fact>
        <Fact label={t.documentCreatedAt}>{formatDateTime(d.created_at, lang)}</Fact>
        {d.revoked_at && <Fact label={t.documentRevokedAt}>{formatDateTime(d.revoked_at, lang)}</Fact>}
      </dl>
      <h3 class="doc-subtitle" id={`${prefix}-files`}>
        {t.documentFiles}
      </h3>
      {d.files.length === 0 ? (
        <p class="muted">{t.documentNoFiles}</p>
      ) : (
        <ul class="file-list" aria-labelledby={`${prefix}-files`}>
          {d.files.map((f, i) => (
            <li key={f.sha256}>
              <a
                href={storedDocumentFileUrl(d.id, f.sha256)}
                download={downloadName(d.title, f, i, d.files.length)}
                data-testid="document-file"
                data-sha256={f.sha256}
              >
                {t.documentFileDownload(i + 1, mediaTypeLabel(f.media_type), formatFileSize(f.size, lang))}
                <span class="visually-hidden"> {t.documentOf(d.title)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <div class="button-row">
        {d.result_id && (
          <Link href={verificationPath(d.result_id)} class="btn btn-secondary" data-testid="document-verify">
            {t.documentVerify}
            <span class="visually-hidden"> {t.documentOf(d.title)}</span>
          </Link>
        )}
        <button
          type="button"
          class="btn btn-secondary"
          aria-expanded={open}
          aria-controls={`${prefix}-history`}
          data-testid="document-history-toggle"
          onClick={() => setOpen(!open)}
        >
          {open ? t.documentHistoryHide : t.documentHistoryShow}
          <span class="visually-hidden"> {t.documentOf(d.title)}</span>
        </button>
      </div>
      <div id={`${prefix}-history`} hidden={!open}>
        {open && <DocumentHistory id={d.id} title={d.title} headingId={`${prefix}-history-h`} />}
      </div>
    </li>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function DocumentHistory({ id, title, headingId }: { id: number; title: string; headingId: string }) {
  const { t, lang } = useI18n();
  const loaded = useLoad(String(id), (s) => getStoredDocument(id, undefined, s));
  const history: StoredDocumentEvent[] | null = loaded.data?.history ?? null;
  return (
    <section class="doc-history" aria-labelledby={headingId} data-testid="document-history">
      <h3 id={headingId} class="doc-subtitle">
        {t.documentHistoryTitle}
      </h3>
      {loaded.error !== null && <ErrorMessage error={loaded.error} onRetry={loaded.reload} notFoundTitle={t.errorTitle} />}
      {loaded.error === null && history === null && <Loading />}
      {history && history.length === 0 && <p>{t.documentHistoryEmpty}</p>}
      {history && history.length > 0 && (
        <ol class="timeline">
          {history.map((e, i) => (
            <li key={i} data-action={e.action}>
              <p class="timeline-head">
                <strong>{t.documentAction[e.action] ?? e.action}</strong>
                <time dateTime={e.at} class="muted">
                  {' '}
                  {formatDateTime(e.at, lang)}
                </time>
              </p>
              {(e.dossier_code || e.actor) && (
                <p class="muted small">
                  {e.dossier_code && (
                    <Link href={dossierPath(e.dossier_code)}>{t.documentInDossier(e.dossier_code)}</Link>
                  )}
                  {e.dossier_code && e.actor && ' · '}
                  {e.actor && (
                    <>
                      {t.by} <span class="code">{e.actor}</span>
                    </>
                  )}
                </p>
              )}
              <HistoryNoteText id={id} title={title} note={historyNote(e.action, e.note)} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function HistoryNoteText({ id, title, note }: { id: number; title: string; note: HistoryNote | null }) {
  const { t } = useI18n();
  if (!note) return null;
  switch (note.kind) {
    case 'file':
      return (
        <p class="small">
          <a href={storedDocumentFileUrl(id, note.sha256)} download>
            {t.documentHistoryFile}
            <span class="visually-hidden"> {t.documentOf(title)}</span>
          </a>{' '}
          <span class="code muted" title={note.sha256}>
            {note.sha256.slice(0, 12)}…
          </span>
        </p>
      );
    case 'component':
      return <p class="small">{t.documentHistoryComponent(note.code)}</p>;
    case 'reason':
      return (
        <p class="small prewrap">
          {t.documentHistoryReason}: {note.text}
        </p>
      );
    default:
      return <p class="small prewrap">{note.text}</p>;
  }
}
