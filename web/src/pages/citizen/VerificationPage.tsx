// Public verification of an electronic result (/xac-minh/{id}, the address of the QR code on the
// result's PDF; GET /api/v1/results/{id}/verification), no sign-in: whether the result is valid,
// revoked (when and why) or not validly signed (why, in words), who signed it and the registered
// file's SHA-256. And the check of a PDF file against it (POST, the file's bytes, never stored):
// chosen or dropped on the page, it is exactly the registered file and validly signed, or why not.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, checkResultFile, getResultVerification, type ResultFileCheck, type ResultVerification } from '../../api/index.ts';
import { ErrorMessage, Loading, problemText } from '../../components/States.tsx';
import { formatDateTime, formatFileSize } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n/index.ts';
import { commonName, fileOutcome, normalizeResultId, pickedFileProblem, readableDn, resultReasonText } from '../../results.ts';

export function VerificationPage({ id: typed }: { id: string }) {
  const { t } = useI18n();
  const id = normalizeResultId(typed);
  const loaded = useLoad(id ?? '', (signal) => getResultVerification(id!, signal), id !== null);
  const result = loaded.loading ? null : loaded.data;
  useDocumentTitle(t.verifyTitle);

  // A malformed id names no result: said at once, without asking the server.
  const notFound = id === null || (loaded.error instanceof ApiError && loaded.error.status === 404);
  return (
    <section class="verify-page" aria-labelledby="verify-h">
      <h1 id="verify-h">{t.verifyTitle}</h1>
      <p class="muted">{t.verifyIntro}</p>
      {notFound ? (
        <div class="state state-error" role="alert" data-testid="verification-not-found">
          <p class="state-title">{t.verifyNotFoundTitle}</p>
          <p>{t.verifyNotFound}</p>
        </div>
      ) : loaded.error !== null && !loaded.loading ? (
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} notFoundTitle={t.verifyNotFoundTitle} />
      ) : !result ? (
        <Loading />
      ) : (
        <>
          <StatusBanner result={result} />
          <Facts result={result} />
          {/* A check also answers the result's state now (revoked meanwhile, say): shown above. */}
          <FileCheck id={result.id} onChecked={(check) => loaded.set(check)} />
        </>
      )}
    </section>
  );
}

/** Valid (green), revoked or invalid (red), in words. */
function StatusBanner({ result: r }: { result: ResultVerification }) {
  const { t, lang } = useI18n();
  return (
    <div class={`verify-status verify-status-${r.status}`} data-testid="verification-status" data-status={r.status}>
      <span class="verify-status-icon" aria-hidden="true">
        {r.status === 'valid' ? '✓' : '✕'}
      </span>
      <div class="verify-status-text">
        <h2 class="verify-status-title">{t.verifyStatus[r.status] ?? r.status}</h2>
        {r.status === 'valid' && <p>{t.verifyValidNote(r.agency.name || r.agency.code)}</p>}
        {r.status === 'revoked' && (
          <>
            <p>{t.verifyRevokedNote(formatDateTime(r.revoked_at, lang))}</p>
            {r.revocation_reason && (
              <p>
                <strong>{t.verifyRevocationReason}:</strong> <span class="prewrap" lang="vi">{r.revocation_reason}</span>
              </p>
            )}
          </>
        )}
        {r.status === 'invalid' && (
          <>
            <p>{t.verifyInvalidNote}</p>
            <p class="verify-reason" data-reason={r.reason ?? ''}>
              {resultReasonText(r.reason, lang)}
            </p>
          </>
        )}
      </div>
    </div>
  );
}

function Facts({ result: r }: { result: ResultVerification }) {
  const { t, lang } = useI18n();
  const s = r.signer;
  return (
    <section class="panel" aria-labelledby="verify-facts-h">
      <h2 id="verify-facts-h">{t.verifyFacts}</h2>
      <dl class="summary verify-facts">
        <Item label={t.verifyDocument}>
          <span lang="vi">{r.title}</span>
        </Item>
        <Item label={t.dossierCode}>
          <span class="code">{r.dossier}</span>
        </Item>
        <Item label={t.verifyAgency}>
          <span lang="vi">{r.agency.name || r.agency.code}</span> <span class="code small">({r.agency.code})</span>
        </Item>
        <Item label={t.verifySigner}>
          {s ? <DistinguishedName dn={s.subject} /> : t.verifyNoSignature}
        </Item>
        {s && (
          <Item label={t.verifyIssuer}>
            <DistinguishedName dn={s.issuer} />
          </Item>
        )}
        {s && <Item label={t.verifyCertValidity}>{t.verifyCertRange(formatDateTime(s.not_before, lang), formatDateTime(s.not_after, lang))}</Item>}
        {s && (
          <Item label={t.verifySerial}>
            <span class="code hash">{s.serial}</span>
          </Item>
        )}
        <Item label={t.verifySignedAt}>{r.signed_at ? <time dateTime={r.signed_at}>{formatDateTime(r.signed_at, lang)}</time> : '—'}</Item>
        <Item label={t.verifySize}>{formatFileSize(r.size, lang)}</Item>
        <Item label={t.verifyId}>
          <span class="code">{r.id}</span>
        </Item>
        <Item label={t.verifySha256} wide>
          <span class="code hash" data-testid="verification-sha256">
            {r.sha256}
          </span>
        </Item>
      </dl>
    </section>
  );
}

/** A certificate's subject or issuer: its common name, and the whole name under it. */
function DistinguishedName({ dn }: { dn: string }) {
  const cn = commonName(dn);
  return (
    <>
      <span lang="vi">{cn}</span>
      {cn !== dn && <span class="note muted code small">{readableDn(dn)}</span>}
    </>
  );
}

function Item({ label, wide, children }: { label: string; wide?: boolean; children: ComponentChildren }) {
  return (
    <div class={wide ? 'wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

type Picked = 'empty' | 'too_large' | 'not_pdf';

/** The file check: a file input in a drop zone; the answer is announced (aria-live). */
function FileCheck({ id, onChecked }: { id: string; onChecked: (check: ResultFileCheck) => void }) {
  const { t, lang } = useI18n();
  const [dragging, setDragging] = useState(false);
  const [name, setName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Picked | null>(null);
  const [check, setCheck] = useState<ResultFileCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // The answer for the last file picked counts; an earlier one still on its way does not.
  const round = useRef(0);

  // A file dropped beside the zone would make the browser leave the page to open it.
  useEffect(() => {
    const keep = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  async function run(file: File) {
    const mine = ++round.current;
    setName(file.name);
    setCheck(null);
    setError(null);
    const picked = pickedFileProblem(file);
    setProblem(picked);
    if (picked) {
      setBusy(false);
      return;
    }
    setBusy(true);
    try {
      const answer = await checkResultFile(id, file);
      if (mine !== round.current) return;
      setCheck(answer);
      onChecked(answer);
    } catch (e) {
      if (mine === round.current) setError(e);
    } finally {
      if (mine === round.current) setBusy(false);
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files?.[0];
    if (file) void run(file);
  }

  function onDragOver(e: DragEvent) {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  const pickedText: Record<Picked, string> = { empty: t.verifyFileEmpty, too_large: t.verifyFileTooLarge, not_pdf: t.verifyFileNotPdf };
  return (
    <section class="panel verify-file" aria-labelledby="verify-file-h">
      <h2 id="verify-file-h">{t.verifyFileTitle}</h2>
      <p>{t.verifyFileIntro}</p>
      <div
        class={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}
        role="group"
        aria-labelledby="verify-file-label"
        data-testid="file-drop-zone"
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={(e) => {
          if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setDragging(false);
        }}
        onDrop={onDrop}
        onClick={(e) => {
          // Anywhere in the zone opens the file chooser (the label and the input do by themselves).
          const target = e.target as HTMLElement;
          if (target.closest('label, input') === null) inputRef.current?.click();
        }}
      >
        <span class="drop-zone-icon" aria-hidden="true">
          ⇪
        </span>
        <label id="verify-file-label" for="verify-file" class="drop-zone-label">
          {t.verifyFilePick}
        </label>
        <p id="verify-file-hint" class="hint">
          {t.verifyFileHint}
        </p>
        <input
          id="verify-file"
          ref={inputRef}
          type="file"
          accept="application/pdf"
          aria-describedby="verify-file-hint"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Emptied so that choosing the same file again checks it again.
            e.currentTarget.value = '';
            if (file) void run(file);
          }}
        />
      </div>
      <div class="verify-file-answer" aria-live="polite">
        {busy && name !== null && (
          <p class="state state-loading">
            <span class="spinner" aria-hidden="true" />
            {t.verifyFileChecking(name)}
          </p>
        )}
        {problem && (
          <p class="state state-error" data-testid="file-check-problem" data-problem={problem}>
            {pickedText[problem]}
          </p>
        )}
        {error !== null && (
          <div class="state state-error" data-testid="file-check-error">
            <p class="state-title">{t.verifyFileFailed}</p>
            <p>{problemText(error, t, lang)}</p>
          </div>
        )}
        {check && <FileAnswer check={check} name={name ?? ''} />}
      </div>
    </section>
  );
}

function FileAnswer({ check: c, name }: { check: ResultFileCheck; name: string }) {
  const { t, lang } = useI18n();
  const outcome = fileOutcome(c.file);
  const ok = outcome === 'match';
  const title = ok ? t.verifyFileMatch : outcome === 'match_bad_signature' ? t.verifyFileMatchBadSignature : t.verifyFileDifferent;
  return (
    <div
      class={`file-check ${ok ? 'file-check-ok' : 'file-check-bad'}`}
      data-testid="file-check-result"
      data-matches={String(c.file.matches)}
      data-outcome={outcome}
    >
      <p class="file-check-title">
        <span aria-hidden="true">{ok ? '✓ ' : '✕ '}</span>
        {title}
      </p>
      {outcome === 'match_bad_signature' && <p>{resultReasonText(c.file.signature_reason, lang)}</p>}
      {outcome === 'different_signed' && <p>{t.verifyFileDifferentSigned}</p>}
      {outcome === 'different_unsigned' && (
        <p>
          {t.verifyFileDifferentUnsigned} {resultReasonText(c.file.signature_reason, lang)}
        </p>
      )}
      {c.file.matches && c.status === 'revoked' && <p class="file-check-warning">{t.verifyFileRevokedWarning}</p>}
      <dl class="file-check-facts">
        <div>
          <dt>{t.verifyFileName}</dt>
          <dd>{name}</dd>
        </div>
        <div>
          <dt>{t.verifySize}</dt>
          <dd>{formatFileSize(c.file.size, lang)}</dd>
        </div>
        <div>
          <dt>{t.verifyFileSha256}</dt>
          <dd class="code hash">{c.file.sha256}</dd>
        </div>
      </dl>
    </div>
  );
}
