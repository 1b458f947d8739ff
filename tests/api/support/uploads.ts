// Multipart uploads of a dossier component's files (POST /api/v1/dossiers/{code}/files), as the
// desk's scanner or the applicant's browser sends them.
import { authHeaders, type Session } from './auth.ts';
import { getJson, type JsonAnswer } from './http.ts';
import type { RunningServer } from './server.ts';

export interface UploadFile { name: string; content: Buffer; type?: string }

const BOUNDARY = '----motcua-upload-5c2e8a';

/** A multipart/form-data body: the `component` field, then one `file` part per file. */
export function componentUpload(component: string, files: UploadFile[]): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="component"\r\n\r\n${component}\r\n`)];
  for (const file of files) {
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      `Content-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

/** Uploads `files` to `component` of dossier `code` as `session`. */
export function uploadComponentFiles(server: RunningServer, session: Session | undefined, code: string,
  component: string, files: UploadFile[]): Promise<JsonAnswer> {
  const { body, contentType } = componentUpload(component, files);
  return getJson(`${server.url}/api/v1/dossiers/${encodeURIComponent(code)}/files`, {
    method: 'POST', headers: { ...authHeaders(session), 'content-type': contentType }, body: new Uint8Array(body),
  });
}
