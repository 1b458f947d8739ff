// Pure helpers of electronic results (kết quả điện tử) — no DOM, no Preact — so they run under
// `node --test`: the public verification page's address (/xac-minh/{id}, the QR code on the
// result's PDF), the reasons in words, what a file check found, the signer's name, and who is
// offered the revocation and its check before it is sent.
import type { components } from './api/schema.ts';
import { catalogs, type Lang } from './i18n/catalog.ts';

type ResultVerification = components['schemas']['ResultVerification'];
type ResultFileFacts = components['schemas']['ResultFileCheck']['file'];
type ResultReason = NonNullable<ResultVerification['reason']>;
type RoleGrant = components['schemas']['RoleGrant'];

// Every reason the API can give has its words in both catalogues (a compile-time check).
const _reasonsInWords: Record<Lang, Record<ResultReason, string>> = { vi: catalogs.vi.resultReason, en: catalogs.en.resultReason };

export const VERIFICATION_PATH = '/xac-minh';

/** The largest file the server checks (20 MiB): a bigger one is not the registered result. */
export const MAX_RESULT_FILE_BYTES = 20 * 1024 * 1024;

/** The longest revocation reason the server takes, in characters. */
export const MAX_REVOCATION_REASON_CHARS = 1000;

/** A result's public id: 26 lowercase base32 characters (a–z, 2–7). */
const RESULT_ID = /^[a-z2-7]{26}$/;

/** The public verification page of the result `id`. */
export function verificationPath(id: string): string {
  return `${VERIFICATION_PATH}/${encodeURIComponent(id)}`;
}

/** The id in a verification page's path (`/xac-minh/{id}`, with or without a final slash),
 * decoded and as typed (normalizeResultId tells whether it can be one); null for other paths. */
export function resultIdFromPath(path: string): string | null {
  const m = /^\/xac-minh\/([^/]+)\/?$/.exec(path);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

/** The id as the API spells it (lowercase: a QR reader may have upper-cased the address), or
 * null when it cannot be a result's id (no need to ask the server). */
export function normalizeResultId(raw: string): string | null {
  const id = raw.trim().toLowerCase();
  return RESULT_ID.test(id) ? id : null;
}

/** A reason code in words, in the UI language ('' for none; an unknown code is named). */
export function resultReasonText(reason: string | null | undefined, lang: Lang = 'vi'): string {
  if (!reason) return '';
  const words = _reasonsInWords[lang] as Record<string, string | undefined>;
  return words[reason] ?? catalogs[lang].resultReasonOther(reason);
}

/** What a file check found: the registered file validly signed (`match`), the registered file
 * whose signature does not verify, or another file, validly signed or not. */
export type FileOutcome = 'match' | 'match_bad_signature' | 'different_signed' | 'different_unsigned';

export function fileOutcome(file: Pick<ResultFileFacts, 'matches' | 'signature_valid'>): FileOutcome {
  if (file.matches) return file.signature_valid ? 'match' : 'match_bad_signature';
  return file.signature_valid ? 'different_signed' : 'different_unsigned';
}

/** Why a picked file is not sent: empty, over the limit, or plainly not a PDF (a browser that
 * names no type, or a name ending in .pdf, is given the benefit of the doubt). */
export function pickedFileProblem(file: { name: string; size: number; type: string }): 'empty' | 'too_large' | 'not_pdf' | null {
  if (file.size <= 0) return 'empty';
  if (file.size > MAX_RESULT_FILE_BYTES) return 'too_large';
  const pdfType = file.type === '' || /^application\/(x-)?pdf$/i.test(file.type);
  if (!pdfType && !/\.pdf$/i.test(file.name.trim())) return 'not_pdf';
  return null;
}

/** The RFC 4514 escapes of a distinguished name's value undone: `\,` and the like, and `\XX`
 * hex pairs, which spell UTF-8 bytes (OpenSSL writes Vietnamese letters so). */
function unescapeDnValue(value: string): string {
  const bytes: number[] = [];
  let out = '';
  const flush = () => {
    if (bytes.length) out += new TextDecoder().decode(new Uint8Array(bytes.splice(0)));
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
      continue;
    }
    flush();
    if (c === '\\' && i + 1 < value.length) {
      out += value[i + 1];
      i += 1;
    } else {
      out += c;
    }
  }
  flush();
  return out.trim();
}

/** The common name (CN) of a distinguished name, "CN=UBND phường Hạc Thành,O=MotCua,C=VN" →
 * "UBND phường Hạc Thành"; the whole name when it has no CN. */
export function commonName(dn: string): string {
  // Attribute-value pairs, split at the commas and plus signs that are not escaped.
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i]!;
    if (c === '\\' && i + 1 < dn.length) {
      current += c + dn[i + 1];
      i += 1;
    } else if (c === ',' || c === '+') {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim().toUpperCase() === 'CN') {
      const value = unescapeDnValue(part.slice(eq + 1));
      if (value) return value;
    }
  }
  return dn;
}

/** A distinguished name for reading: the `\XX` escapes of UTF-8 bytes (OpenSSL's way with
 * Vietnamese letters) turned back into letters, the rest as it is. */
export function readableDn(dn: string): string {
  return dn.replace(/(?:\\[0-9a-fA-F]{2})+/g, (run) =>
    new TextDecoder().decode(new Uint8Array(run.split('\\').slice(1).map((h) => parseInt(h, 16)))),
  );
}

/** Whether to offer the revocation of a result of `agency`: the province administrator, and the
 * heads of that agency or of an agency above it (codes nest: H32.22333 is above H32.22333.01).
 * The server decides; others get 403. */
export function mayRevoke(roles: readonly RoleGrant[], agency: string): boolean {
  return roles.some(
    (g) => g.role === 'province_admin' || (g.role === 'head' && g.agency !== null && (agency === g.agency || agency.startsWith(`${g.agency}.`))),
  );
}

/** The revocation reason to send (trimmed), or why not: none, or over 1000 characters. */
export function checkRevocationReason(text: string): { ok: true; reason: string } | { ok: false; problem: 'required' | 'too_long' } {
  const reason = text.trim();
  if (!reason) return { ok: false, problem: 'required' };
  if ([...reason].length > MAX_REVOCATION_REASON_CHARS) return { ok: false, problem: 'too_long' };
  return { ok: true, reason };
}
