// The applicants' data store (kho dữ liệu, docs/data-store.md): a signed result is deposited for
// its holder when it is returned; the desk's scans are kept per component; the holder sees them
// with source, issuer, validity and history, and reuses one in a new dossier instead of uploading
// (the reuse fact names the document, its files join the component, the 766 index counts it).
// Officers see a holder's documents only through a dossier of that holder they handle; every read
// is audited; a revoked result is revoked in the store and no longer reusable; a file the store
// holds outlives the orphan collection.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from './support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, OTHER_WARD_CLERK, authHeaders, call, login, readAudit, runCli, sql, type Session } from './support/auth.ts';
import { assertProblem } from './support/http.ts';
import { BIRTH_REGISTRATION, act, actOk, createCitizen, createDossier, getEvents } from './support/dossiers.ts';
import { fetchPdf } from './support/pdf.ts';
import { issueElectronicResult } from './support/results.ts';
import { uploadComponentFiles } from './support/uploads.ts';

/** Đăng ký nhận cha, mẹ, con: its TP3 is the child's birth certificate (result of 1.001193). */
const PARENTAGE = '1.001022.000.00.00.H32';
const MARITAL_STATUS = '1.004873.000.00.00.H32';
const MARRIAGE = '1.000894.000.00.00.H32';

/** The civil date six months after `from` (YYYY-MM-DD): the same day, or that month's last. */
function sixMonthsOn(from: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const month = m - 1 + 6;
  const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month, Math.min(d, last))).toISOString().slice(0, 10);
}
const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** Today's civil date in Vietnam, YYYY-MM-DD. */
const vietnamDate = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

let server: RunningServer;
let citizen: Session;
let clerk: Session;
let specialist: Session;
let head: Session;
let birth: { code: string; resultId: string; sha256: string };

const reusable = (session: Session, code: string) =>
  call(server, `/api/v1/dossiers/${encodeURIComponent(code)}/reusable-documents`, { session });
const mine = async (session: Session) => {
  const answer = await call(server, '/api/v1/me/documents', { session });
  assert.equal(answer.status, 200, answer.text);
  return answer.body.items as any[];
};

/** A birth registration of the citizen, finished electronic and returned online. */
async function returnedBirthCertificate(): Promise<{ code: string; resultId: string; sha256: string }> {
  const { code, result } = await issueElectronicResult(server, { citizen, clerk, specialist, head }, { returned: true });
  return { code, resultId: result.id, sha256: result.sha256 };
}

before(async () => {
  server = await startServer({ env: FAST_HASHING, demoEnv: FAST_HASHING });
  [citizen, clerk, specialist, head] = await Promise.all(
    [DEMO_LOGINS.citizen, DEMO_LOGINS.clerk, DEMO_LOGINS.specialist, DEMO_LOGINS.head].map((l) => login(server, l)));
  birth = await returnedBirthCertificate();
});

after(async () => {
  await server?.close();
});

describe('the data store', () => {
  test('a returned signed result is deposited for its holder, with source, issuer, validity and history', async () => {
    const documents = await mine(citizen);
    const stored = documents.find((d) => d.source.dossier_code === birth.code);
    assert.ok(stored, JSON.stringify(documents));
    assert.equal(stored.kind, 'result');
    assert.equal(stored.status, 'valid');
    assert.equal(stored.result_id, birth.resultId);
    assert.equal(stored.holder.id_number, DEMO_LOGINS.citizen);
    assert.equal(stored.source.procedure_code, BIRTH_REGISTRATION);
    assert.equal(stored.issuing_agency.code, 'H32.22333');
    assert.equal(stored.valid_from, vietnamDate());
    assert.equal(stored.valid_until, null);
    assert.deepEqual(stored.files.map((f: any) => [f.sha256, f.media_type]), [[birth.sha256, 'application/pdf']]);
    const detail = await call(server, `/api/v1/documents/${stored.id}`, { session: citizen });
    assert.equal(detail.status, 200, detail.text);
    assert.deepEqual(detail.body.history.map((h: any) => [h.action, h.dossier_code]), [['deposited', birth.code]]);
    // The holder downloads the very signed file.
    const file = await fetchPdf(`${server.url}/api/v1/documents/${stored.id}/files/${birth.sha256}`, authHeaders(citizen));
    assert.equal(file.status, 200);
    assert.match(file.disposition, /^attachment/);
    assert.equal(file.bytes.subarray(0, 5).toString(), '%PDF-');
  });

  test('a new dossier reuses the stored result instead of an upload; the desk sees it; the index counts it', async () => {
    const dossier = await createDossier(server, citizen, { procedure: PARENTAGE });
    const offered = await reusable(citizen, dossier.code);
    assert.equal(offered.status, 200, offered.text);
    const tp3 = offered.body.components.find((c: any) => c.code === 'TP3');
    assert.ok(tp3, offered.text);
    const document = tp3.documents.find((d: any) => d.result_id === birth.resultId);
    assert.ok(document, 'the birth certificate is offered for TP3');
    // Not the kind of paper TP1 (the declaration form) asks for.
    assertProblem(await act(server, citizen, dossier.code, 'reuse', { component: 'TP1', source: 'provincial_store', document: document.id }),
      400, 'document_not_matching', 'document');
    const after = await actOk(server, citizen, dossier.code, 'reuse', { component: 'TP3', source: 'provincial_store', document: document.id });
    const component = after.components.find((c: any) => c.code === 'TP3');
    assert.equal(component.reuse_source, 'provincial_store');
    assert.equal(component.reused_document, document.id);
    assert.deepEqual(component.files, [birth.sha256]);
    const events = (await getEvents(server, citizen, dossier.code)).body.items;
    const reuse = events.find((e: any) => e.action === 'reuse');
    assert.equal(reuse.payload.document, document.id);

    // The desk receives the dossier and sees TP3 taken from the store; it opens the file.
    await actOk(server, clerk, dossier.code, 'accept');
    const desk = await reusable(clerk, dossier.code);
    assert.equal(desk.status, 200, desk.text);
    assert.equal(desk.body.components.find((c: any) => c.code === 'TP3').reused_document, document.id);
    const file = await fetch(`${server.url}/api/v1/files/${birth.sha256}?dossier=${encodeURIComponent(dossier.code)}`, { headers: authHeaders(clerk) });
    assert.equal(file.status, 200);
    const history = await call(server, `/api/v1/documents/${document.id}?dossier=${encodeURIComponent(dossier.code)}`, { session: clerk });
    assert.equal(history.status, 200, history.text);
    assert.deepEqual(history.body.history.map((h: any) => h.action), ['deposited', 'reused']);
    assert.equal(history.body.history[1].dossier_code, dossier.code);

    // Group 4 of the 766 index: the received dossier reused digitised data.
    const index = await call(server, `/api/v1/indicators/766?agency=H32.22333&period=${vietnamDate().slice(0, 7)}`);
    const metric = index.body.groups.flatMap((g: any) => g.metrics).find((m: any) => m.code === 'REUSED_DIGITIZED_DATA');
    assert.ok(metric.numerator >= 1, JSON.stringify(metric));
  });

  test('the desk scans a paper (two pages): one stored scan with both files, reusable by the same paper elsewhere', async () => {
    const dossier = await createDossier(server, citizen);
    await actOk(server, clerk, dossier.code, 'accept');
    const form = await fetchPdf(`${server.url}/api/v1/dossiers/${encodeURIComponent(dossier.code)}/forms/receipt?format=pdf`, authHeaders(clerk));
    assert.equal(form.status, 200);
    const scanned = await uploadComponentFiles(server, clerk, dossier.code, 'TP3',
      [{ name: 'cccd-mat-truoc.pdf', content: form.bytes }, { name: 'cccd-mat-sau.png', content: PNG_1X1 }]);
    assert.equal(scanned.status, 201, scanned.text);
    const documents = await mine(citizen);
    const scan = documents.find((d) => d.source.dossier_code === dossier.code);
    assert.equal(scan.kind, 'scan');
    assert.equal(scan.source.component_code, 'TP3');
    assert.equal(scan.deposited_by_agency.code, 'H32.22333.01');
    assert.equal(scan.issuing_agency, null);
    assert.deepEqual(scan.files.map((f: any) => f.media_type), ['application/pdf', 'image/png']);
    const detail = await call(server, `/api/v1/documents/${scan.id}`, { session: citizen });
    assert.deepEqual(detail.body.history.map((h: any) => h.action), ['deposited', 'file_added']);
    // Đăng ký khai tử asks for the same identity paper (TP3): the scan is offered there, not in
    // the dossier it was made for.
    assert.equal((await reusable(citizen, dossier.code)).body.components.some((c: any) =>
      c.documents.some((d: any) => d.id === scan.id)), false);
    const death = await createDossier(server, citizen, { procedure: '1.000656.000.00.00.H32' });
    const offered = (await reusable(citizen, death.code)).body.components.find((c: any) => c.code === 'TP3');
    assert.ok(offered?.documents.some((d: any) => d.id === scan.id), JSON.stringify(offered));
  });

  test('only the holder, and officers through a dossier of the holder they handle; every read is audited', async () => {
    const documents = await mine(citizen);
    const id = documents[0].id;
    assertProblem(await call(server, '/api/v1/me/documents', { session: clerk }), 403, 'not_a_holder');
    assertProblem(await call(server, `/api/v1/documents/${id}`, { session: clerk }), 404, 'document_not_found');
    const admin = await login(server, DEMO_LOGINS.province_admin);
    await createCitizen(server, admin, '079300000077', 'Khac@2026-mat-khau', 'Người khác');
    const stranger = await login(server, '079300000077', 'Khac@2026-mat-khau');
    assertProblem(await call(server, `/api/v1/documents/${id}`, { session: stranger }), 404, 'document_not_found');
    assert.deepEqual(await mine(stranger), []);
    // Another applicant's dossier does not open this holder's store.
    const theirs = await createDossier(server, stranger);
    await actOk(server, clerk, theirs.code, 'accept');
    assertProblem(await call(server, `/api/v1/documents/${id}?dossier=${encodeURIComponent(theirs.code)}`, { session: clerk }), 404, 'document_not_found');
    // Through the holder's own open dossier at the desk: allowed; not from another ward's desk.
    const open = await createDossier(server, citizen);
    await actOk(server, clerk, open.code, 'accept');
    const through = `/api/v1/documents/${id}?dossier=${encodeURIComponent(open.code)}`;
    assert.equal((await call(server, through, { session: clerk })).status, 200);
    const otherDesk = await login(server, OTHER_WARD_CLERK);
    assert.equal((await call(server, through, { session: otherDesk })).status, 404);
    // Once that dossier is closed its officers no longer handle it.
    await actOk(server, clerk, open.code, 'stop', { reasons: ['Người nộp đề nghị dừng'] });
    assertProblem(await call(server, through, { session: clerk }), 404, 'document_not_found');
    const audit = await readAudit(server, await login(server, DEMO_LOGINS.auditor), 'action=data_store.read');
    assert.ok(audit.some((r: any) => r.actor_login === DEMO_LOGINS.clerk && r.target_id === String(id)), 'the officer\'s read is audited');
    assert.ok(audit.some((r: any) => r.actor_login === DEMO_LOGINS.citizen), 'the holder\'s read is audited');
  });

  test('a revoked result is revoked in the store and can no longer be reused', async () => {
    const certificate = await returnedBirthCertificate();
    const revoked = await call(server, `/api/v1/results/${certificate.resultId}/revocation`, { session: head, body: { reason: 'Cấp nhầm' } });
    assert.equal(revoked.status, 200, revoked.text);
    const stored = (await mine(citizen)).find((d) => d.result_id === certificate.resultId);
    assert.equal(stored.status, 'revoked');
    assert.ok(stored.revoked_at);
    const detail = await call(server, `/api/v1/documents/${stored.id}`, { session: citizen });
    assert.deepEqual(detail.body.history.map((h: any) => [h.action, h.note]).at(-1), ['revoked', 'Cấp nhầm']);
    const dossier = await createDossier(server, citizen, { procedure: PARENTAGE });
    const tp3 = (await reusable(citizen, dossier.code)).body.components.find((c: any) => c.code === 'TP3');
    assert.ok(!tp3.documents.some((d: any) => d.id === stored.id), 'a revoked document is not offered');
    assertProblem(await act(server, citizen, dossier.code, 'reuse', { component: 'TP3', source: 'provincial_store', document: stored.id }),
      409, 'document_not_valid', 'document');
    assertProblem(await act(server, citizen, dossier.code, 'reuse', { component: 'TP3', source: 'provincial_store', document: 999999 }),
      404, 'document_not_found', 'document');
  });

  test('a result valid for months expires in the store: not offered, not reusable', async () => {
    // Cấp giấy xác nhận tình trạng hôn nhân: the certificate holds 6 months (the catalogue's
    // result.valid_months), and Đăng ký kết hôn asks for it as TP2.
    const { code } = await issueElectronicResult(server, { citizen, clerk, specialist, head },
      { procedure: MARITAL_STATUS, returned: true });
    const stored = (await mine(citizen)).find((d) => d.source.dossier_code === code);
    assert.equal(stored.valid_from, vietnamDate());
    assert.equal(stored.valid_until, sixMonthsOn(stored.valid_from));
    assert.equal(stored.status, 'valid');
    const marriage = await createDossier(server, citizen, { procedure: MARRIAGE });
    const offered = (await reusable(citizen, marriage.code)).body.components.find((c: any) => c.code === 'TP2');
    assert.ok(offered?.documents.some((d: any) => d.id === stored.id), 'offered while valid');
    // Its last day passed (as if months went by).
    sql(server.dataDir, `UPDATE stored_documents SET valid_until = '2026-01-31' WHERE id = ${stored.id}`);
    assert.equal((await mine(citizen)).find((d) => d.id === stored.id).status, 'expired');
    const later = (await reusable(citizen, marriage.code)).body.components.find((c: any) => c.code === 'TP2');
    assert.ok(!later?.documents.some((d: any) => d.id === stored.id), 'an expired document is not offered');
    assertProblem(await act(server, citizen, marriage.code, 'reuse', { component: 'TP2', source: 'provincial_store', document: stored.id }),
      409, 'document_not_valid', 'document');
  });

  test('a file only the store holds outlives the orphan collection', async () => {
    const stored = (await mine(citizen)).find((d) => d.source.dossier_code === birth.code);
    const sha = stored.files[0].sha256;
    await server.stop();
    // As if no dossier linked it any more: the store's reference alone keeps it.
    sql(server.dataDir, `DELETE FROM dossier_files WHERE sha256 = '${sha}'`);
    const collected = runCli(server.dataDir, ['files', 'collect', '--grace-seconds', '0']);
    assert.equal(collected.status, 0, collected.stderr);
    assert.ok(existsSync(join(server.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha)), 'the stored document\'s file stays');
  });
});
