import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOCUMENTS_PATH, componentStore, downloadName, historyNote, mediaTypeLabel, reusedDocumentOf } from './documents.ts';

type Status = 'valid' | 'expired' | 'revoked';

/** A stored document as the API gives it. */
function doc(id: number, status: Status = 'valid', title = 'Giấy khai sinh') {
  return {
    id,
    kind: 'result' as const,
    title,
    status,
    holder: { kind: 'citizen' as const, id_number: '056095001234' },
    source: { dossier_code: 'H32.22333.01-260105-0001', procedure_code: '1.001193.000.00.00.H32', procedure_name_vi: 'Đăng ký khai sinh', component_code: null },
    issuing_agency: { code: 'H32.22333', name_vi: 'UBND phường Bắc Nha Trang' },
    deposited_by_agency: { code: 'H32.22333', name_vi: 'UBND phường Bắc Nha Trang' },
    result_id: 'k7q2m4x5tbwd3hjnpr6sfgyzac',
    valid_from: '2026-01-05',
    valid_until: null,
    created_at: '2026-01-05T10:00:00+07:00',
    files: [{ sha256: 'a'.repeat(64), size: 1000, media_type: 'application/pdf' }],
  };
}

test('the data store is at /kho-du-lieu', () => {
  assert.equal(DOCUMENTS_PATH, '/kho-du-lieu');
});

test('file types are named as people know them', () => {
  assert.equal(mediaTypeLabel('application/pdf'), 'PDF');
  assert.equal(mediaTypeLabel('application/PDF; charset=binary'), 'PDF');
  assert.equal(mediaTypeLabel('image/jpeg'), 'JPEG');
  assert.equal(mediaTypeLabel('application/vnd.openxmlformats-officedocument.wordprocessingml.document'), 'DOCX');
  assert.equal(mediaTypeLabel('image/tiff'), 'TIFF');
  assert.equal(mediaTypeLabel('application/x-foo'), 'FOO');
  assert.equal(mediaTypeLabel(''), '');
  assert.equal(mediaTypeLabel(null), '');
});

test('a download is named after the title, without diacritics, numbered when there are several', () => {
  const pdf = { media_type: 'application/pdf' };
  assert.equal(downloadName('Giấy khai sinh', pdf), 'giay-khai-sinh.pdf');
  assert.equal(downloadName('Đăng ký nhận cha, mẹ, con', pdf), 'dang-ky-nhan-cha-me-con.pdf');
  assert.equal(downloadName('Giấy khai sinh', { media_type: 'image/jpeg' }, 1, 2), 'giay-khai-sinh-2.jpg');
  assert.equal(downloadName('  !!! ', pdf), 'tai-lieu.pdf');
  assert.equal(downloadName('Bản sao', { media_type: '' }), 'ban-sao');
  assert.equal(downloadName('Bản sao', { media_type: null }), 'ban-sao');
  assert.ok(downloadName('x'.repeat(300), pdf).length <= 84);
});

test('a component is offered the valid documents it does not already reuse', () => {
  const reusable = {
    components: [
      { code: 'TP3', name_vi: 'Giấy khai sinh của người con', name_en: null, reused_document: null, documents: [doc(12), doc(13, 'revoked'), doc(14, 'expired'), doc(15)] },
      { code: 'TP4', name_vi: 'Giấy tờ tùy thân', name_en: null, reused_document: 20, documents: [doc(20), doc(21)] },
      { code: 'TP5', name_vi: 'Khác', name_en: null, reused_document: 30, documents: [] },
    ],
  };
  const tp3 = componentStore(reusable, 'TP3');
  assert.deepEqual(tp3.offers.map((d) => d.id), [12, 15]);
  assert.equal(tp3.reusedId, null);
  assert.equal(tp3.reused, null);
  const tp4 = componentStore(reusable, 'TP4');
  assert.equal(tp4.reusedId, 20);
  assert.equal(tp4.reused?.id, 20);
  assert.deepEqual(tp4.offers.map((d) => d.id), [21]);
  // Reused, but the answer does not list the document (revoked since, say): its id only.
  assert.deepEqual(componentStore(reusable, 'TP5'), { reusedId: 30, reused: null, offers: [] });
  assert.deepEqual(componentStore(reusable, 'TP1'), { reusedId: null, reused: null, offers: [] });
  assert.deepEqual(componentStore(null, 'TP3'), { reusedId: null, reused: null, offers: [] });
});

test('a dossier component names the stored document it reuses only from the provincial store', () => {
  assert.equal(reusedDocumentOf({ reuse_source: 'provincial_store', reused_document: 12 }), 12);
  assert.equal(reusedDocumentOf({ reuse_source: 'provincial_store', reused_document: null }), null);
  assert.equal(reusedDocumentOf({ reuse_source: 'provincial_store' }), null);
  assert.equal(reusedDocumentOf({ reuse_source: 'national_store', reused_document: 12 }), null);
  assert.equal(reusedDocumentOf({ reuse_source: '' }), null);
});

test("a history fact's note is read by its action: a file, a component, a reason", () => {
  const sha = 'ab'.repeat(32);
  assert.deepEqual(historyNote('deposited', sha), { kind: 'file', sha256: sha });
  assert.deepEqual(historyNote('file_added', sha), { kind: 'file', sha256: sha });
  assert.deepEqual(historyNote('reused', 'TP3'), { kind: 'component', code: 'TP3' });
  assert.deepEqual(historyNote('revoked', ' Cấp nhầm người '), { kind: 'reason', text: 'Cấp nhầm người' });
  assert.deepEqual(historyNote('deposited', 'bản gốc'), { kind: 'text', text: 'bản gốc' });
  assert.deepEqual(historyNote('reused', 'thành phần thứ ba, bản sao'), { kind: 'text', text: 'thành phần thứ ba, bản sao' });
  assert.equal(historyNote('deposited', null), null);
  assert.equal(historyNote('revoked', '  '), null);
});
