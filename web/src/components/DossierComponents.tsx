// A dossier's components as its applicant and the officers see them: each with whether it was
// digitised, its files (downloadable), and what the applicant's data store (kho dữ liệu) holds
// for it (GET /api/v1/dossiers/{code}/reusable-documents). A component that reuses a stored
// document carries a badge with the document's title; one that could reuse a valid document is
// offered "Dùng giấy tờ này" when the server lists `reuse` among the caller's actions (the
// applicant, the receiving desk), which posts the reuse action and shows the dossier it answers.
// Without an answer from the store (an older server, no access), the components are listed alone.
import { useState } from 'preact/hooks';
import {
  dossierFileUrl,
  getStoredDocument,
  listReusableDocuments,
  reuseStoredDocument,
  type Dossier,
  type ProcedureDetail,
  type StoredDocument,
} from '../api/index.ts';
import { componentStore, downloadName, type ComponentStore, mediaTypeLabel, reusedDocumentOf } from '../documents.ts';
import { formatDate, formatFileSize } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { localized, useI18n } from '../i18n/index.ts';
import { focusSoon } from './focus.ts';
import { ActionErrorMessage } from './States.tsx';

type DossierComponent = Dossier['components'][number];

export function DossierComponents({
  dossier: d,
  proc,
  onChanged,
}: {
  dossier: Dossier;
  proc: ProcedureDetail | null;
  onChanged: (d: Dossier) => void;
}) {
  const { t, lang } = useI18n();
  // Asked again whenever the dossier changes (a reuse, a new file); a failure shows nothing more.
  const store = useLoad(`${d.code}|${d.event_count}`, (signal) =>
    listReusableDocuments(d.code, signal).catch((e: unknown) => {
      if ((e as Error).name === 'AbortError') throw e;
      return null;
    }),
  ).data;
  const [done, setDone] = useState<string | null>(null);
  const canReuse = d.allowed_actions.includes('reuse');

  const componentName = (code: string) => {
    const pc = proc?.components?.find((x) => x.code === code);
    if (pc) return localized(lang, pc.name_vi, pc.name_en);
    const sc = store?.components.find((x) => x.code === code);
    return sc ? localized(lang, sc.name_vi, sc.name_en) : code;
  };

  return (
    <section aria-labelledby="comp-h" class="panel components-panel">
      <h2 id="comp-h">{t.componentsTitle}</h2>
      {done && (
        <p id="reuse-done" class="state-ok" role="status" tabIndex={-1} data-testid="reuse-done">
          {done}
        </p>
      )}
      {d.components.length === 0 ? (
        <p>{t.noComponents}</p>
      ) : (
        <ul class="component-list">
          {d.components.map((c) => (
            <ComponentItem
              key={c.code}
              dossier={d}
              component={c}
              name={componentName(c.code)}
              store={componentStore(store, c.code)}
              canReuse={canReuse}
              onReused={(nd, title) => {
                setDone(t.reuseDone(title, c.code));
                onChanged(nd);
                focusSoon('reuse-done');
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ComponentItem({
  dossier: d,
  component: c,
  name,
  store,
  canReuse,
  onReused,
}: {
  dossier: Dossier;
  component: DossierComponent;
  name: string;
  store: ComponentStore<StoredDocument>;
  canReuse: boolean;
  onReused: (d: Dossier, title: string) => void;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reusedId = store.reusedId ?? reusedDocumentOf(c);
  const nameId = `comp-${c.code}-name`;

  async function reuse(doc: StoredDocument) {
    setBusy(doc.id);
    setError(null);
    try {
      const nd = await reuseStoredDocument(d.code, c.code, doc.id);
      setBusy(null);
      onReused(nd, doc.title);
    } catch (e) {
      setBusy(null);
      setError(e);
    }
  }

  return (
    <li class="component-item" data-testid="dossier-component" data-component={c.code} data-reuse-source={c.reuse_source || undefined}>
      <p class="component-head">
        <span class="code small">{c.code}</span> <span id={nameId}>{name}</span>{' '}
        {(c.digitized || !c.reuse_source) && <span class="tag">· {c.digitized ? t.componentDigitized : t.componentNotDigitized}</span>}
      </p>
      {c.reuse_source && (
        <ReusedDocument dossier={d} component={c} documentId={reusedId} document={store.reused} />
      )}
      {c.files.length > 0 && (
        <ul class="file-list" aria-label={`${t.componentFiles} ${c.code}`}>
          {c.files.map((sha, i) => {
            // A reused document's file is named and sized from the document.
            const known = store.reused?.files.find((f) => f.sha256 === sha);
            return (
              <li key={sha}>
                <a
                  href={dossierFileUrl(d.code, sha)}
                  download={known ? downloadName(store.reused!.title, known, i, c.files.length) : true}
                  data-testid="component-file"
                  data-sha256={sha}
                >
                  {known ? t.documentFileDownload(i + 1, mediaTypeLabel(known.media_type), formatFileSize(known.size, lang)) : t.componentFileDownload(i + 1)}
                  <span class="visually-hidden"> — {c.code}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      {!c.reuse_source &&
        store.offers.map((doc) => (
          <div key={doc.id} class="reuse-offer" data-testid="reusable-document" data-component={c.code} data-document={doc.id}>
            <p>
              {t.reuseAvailable} <strong lang="vi">{doc.title}</strong>
              <span class="muted small">
                {' '}
                — {t.reusedFrom(doc.source.dossier_code)}
                {doc.valid_until && <>, {t.reusedValidUntil(formatDate(doc.valid_until, lang))}</>}
              </span>
            </p>
            {canReuse && (
              <button
                type="button"
                class="btn btn-primary"
                data-testid="reuse-button"
                disabled={busy !== null}
                onClick={() => void reuse(doc)}
              >
                {busy === doc.id ? t.reuseSending : t.reuseButton}
                <span class="visually-hidden"> {t.reuseFor(c.code, doc.title)}</span>
              </button>
            )}
          </div>
        ))}
      {error !== null && <ActionErrorMessage error={error} />}
    </li>
  );
}

/** The badge of a reused component, with the stored document's title (read from the document
 * itself when the store's answer does not list it) and its validity. */
function ReusedDocument({
  dossier: d,
  component: c,
  documentId,
  document,
}: {
  dossier: Dossier;
  component: DossierComponent;
  documentId: number | null;
  document: StoredDocument | null;
}) {
  const { t, lang } = useI18n();
  const fetchIt = document === null && documentId !== null;
  const loaded = useLoad(`${d.code}|${documentId}`, (signal) =>
    getStoredDocument(documentId!, d.code, signal).catch((e: unknown) => {
      if ((e as Error).name === 'AbortError') throw e;
      return null;
    }),
  fetchIt);
  const doc = document ?? (fetchIt ? loaded.data : null);
  return (
    <div class="reused" data-testid="reused-badge" data-component={c.code} data-document={documentId ?? undefined}>
      <span class={`badge reused-badge reused-badge-${c.reuse_source}`}>{t.reusedBadge[c.reuse_source] ?? c.reuse_source}</span>
      {doc && (
        <span class="reused-doc">
          {' '}
          <strong lang="vi" data-testid="reused-title">
            {doc.title}
          </strong>
          <span class="muted small">
            {' '}
            — {t.reusedFrom(doc.source.dossier_code)}
            {doc.status !== 'valid' && <>, {t.documentStatus[doc.status] ?? doc.status}</>}
            {doc.status === 'valid' && doc.valid_until && <>, {t.reusedValidUntil(formatDate(doc.valid_until, lang))}</>}
          </span>
        </span>
      )}
    </div>
  );
}
