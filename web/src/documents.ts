// Pure helpers of the data store (kho dữ liệu) — no DOM, no Preact — so they run under
// `node --test`: the page's address, a file's type and download name, and what a dossier's
// component is offered from the store or already reuses.

/** What the helpers read of a stored document (the API's StoredDocument has more). */
interface DocumentFacts {
  id: number;
  status: string;
}

/** What the helpers read of the answer of GET /api/v1/dossiers/{code}/reusable-documents. */
interface ReusableFacts<D extends DocumentFacts> {
  components: { code: string; reused_document?: number | null; documents: D[] }[];
}

/** The holder's own page: their documents, with history and downloads. */
export const DOCUMENTS_PATH = '/kho-du-lieu';

const MEDIA_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};

const MEDIA_EXTENSIONS: Record<string, string> = { PDF: 'pdf', PNG: 'png', JPEG: 'jpg', DOCX: 'docx', XLSX: 'xlsx' };

/** "application/pdf" → "PDF"; an unknown type by its subtype in capitals ("TIFF"); none → "". */
export function mediaTypeLabel(mediaType: string | null | undefined): string {
  const type = (mediaType ?? '').split(';')[0]!.trim().toLowerCase();
  if (MEDIA_LABELS[type]) return MEDIA_LABELS[type]!;
  const subtype = type.split('/')[1] ?? '';
  return subtype.replace(/^(x-|vnd\.)/, '').toUpperCase();
}

/** A file name to save a document's file under: its title without diacritics, in lowercase words
 * joined by hyphens, numbered when the document has several files, with the type's extension
 * ("Giấy khai sinh", PDF → "giay-khai-sinh.pdf"). */
export function downloadName(title: string, file: { media_type: string | null }, index = 0, count = 1): string {
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  const base = (words || 'tai-lieu') + (count > 1 ? `-${index + 1}` : '');
  const label = mediaTypeLabel(file.media_type);
  const ext = MEDIA_EXTENSIONS[label] ?? label.toLowerCase();
  return ext ? `${base}.${ext}` : base;
}

/** What the store holds for one component of a dossier: the document it reuses (null when none,
 * or when the answer does not list it), that document's id, and the valid documents it could
 * reuse instead (the reused one left out). */
export interface ComponentStore<D extends DocumentFacts> {
  reusedId: number | null;
  reused: D | null;
  offers: D[];
}

/** The store's answer for the component `code` (nothing when the answer is missing). */
export function componentStore<D extends DocumentFacts>(reusable: ReusableFacts<D> | null | undefined, code: string): ComponentStore<D> {
  const entry = reusable?.components.find((c) => c.code === code);
  if (!entry) return { reusedId: null, reused: null, offers: [] };
  const reusedId = entry.reused_document ?? null;
  return {
    reusedId,
    reused: reusedId === null ? null : entry.documents.find((d) => d.id === reusedId) ?? null,
    offers: entry.documents.filter((d) => d.status === 'valid' && d.id !== reusedId),
  };
}

/** The id of the stored document a dossier's component reuses, when the dossier says so. */
export function reusedDocumentOf(component: { reuse_source: string } & { reused_document?: number | null }): number | null {
  return component.reuse_source === 'provincial_store' && typeof component.reused_document === 'number' ? component.reused_document : null;
}

/** What a history fact's note says, by its action: the file deposited or added (its SHA-256),
 * the component a dossier reused the document for, the reason of a revocation; another note as
 * text. null for none. */
export type HistoryNote =
  | { kind: 'file'; sha256: string }
  | { kind: 'component'; code: string }
  | { kind: 'reason'; text: string }
  | { kind: 'text'; text: string };

const SHA256 = /^[0-9a-f]{64}$/;

export function historyNote(action: string, note: string | null | undefined): HistoryNote | null {
  const text = (note ?? '').trim();
  if (!text) return null;
  if ((action === 'deposited' || action === 'file_added') && SHA256.test(text)) return { kind: 'file', sha256: text };
  if (action === 'reused' && /^[A-Za-z0-9._-]{1,32}$/.test(text)) return { kind: 'component', code: text };
  if (action === 'revoked') return { kind: 'reason', text };
  return { kind: 'text', text };
}
