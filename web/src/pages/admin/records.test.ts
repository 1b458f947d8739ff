import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  agencyForm,
  agencyRecord,
  parseFieldParam,
  procedureForm,
  procedureRecord,
  shareTotal,
  validateAgency,
  validateProcedure,
} from './records.ts';

const agencyDetail = {
  code: 'H32.22333',
  legacy_code: null,
  name_vi: 'Ủy ban nhân dân phường Bắc Nha Trang',
  name_en: '',
  kind: 'commune',
  parent: 'H32',
  admin_unit_code: '22333',
  valid_from: '2025-07-01',
  valid_to: null,
  address: 'Số 1',
  history: [{ date: '2025-07-01', event: 'merged', from: [] }],
  extra: { website: 'https://example.vn' },
  children: [{ code: 'H32.22333.01' }],
  path: [{ code: 'H32', name_vi: 'Tỉnh' }],
};

test('an agency edit is the detail with the form\'s changes: history and extra kept, empty optionals cleared', () => {
  const form = agencyForm(agencyDetail);
  form.name_vi = '  UBND phường Bắc Nha Trang ';
  form.address = '';
  const r = agencyRecord(agencyDetail, form);
  assert.equal(r.name_vi, 'UBND phường Bắc Nha Trang');
  assert.deepEqual(r.history, agencyDetail.history);
  assert.deepEqual(r.extra, agencyDetail.extra);
  // The derived children and path go back as they came (the server ignores them).
  assert.deepEqual(r.children, agencyDetail.children);
  for (const k of ['address', 'legacy_code', 'valid_to', 'name_en']) assert.equal(k in r, false, k);
  assert.equal(r.parent, 'H32');
  assert.deepEqual(validateAgency(form), []);
  assert.equal(agencyDetail.address, 'Số 1', 'the detail itself is not changed');
});

test('agency validation: code format, parent unless a province, dates in order', () => {
  const f = agencyForm(null, 'H32');
  assert.equal(f.parent, 'H32');
  f.code = 'h32.9';
  f.valid_from = '2026-01-02';
  f.valid_to = '2026-01-01';
  const fields = validateAgency(f).map((p) => `${p.field}:${p.problem}`);
  assert.deepEqual(fields, ['code:format', 'name_vi:required', 'valid_to:order']);
  f.kind = 'province';
  f.parent = '';
  assert.equal(agencyRecord(null, f).parent, null);
  assert.equal(validateAgency(f).some((p) => p.field === 'parent'), false);
});

const procedureDetail = {
  code: '1.004873.000.00.00.H32',
  national_code: '1.004873',
  name_vi: 'Cấp giấy xác nhận tình trạng hôn nhân',
  name_en: 'Marital status',
  field: 'civil_status',
  field_name_vi: 'Hộ tịch',
  level: 'commune',
  online_level: 'full',
  competent_agency: null,
  receiving_agency: null,
  processing_time: { amount: 3, unit: 'working_days', cutoff: null },
  fees: [{ kind: 'fee', name_vi: 'Lệ phí', amount_vnd: 3000 }],
  fee_total_vnd: 3000,
  components: [{ code: 'TP1', name_vi: 'Tờ khai', originals: 1, copies: 0, required: true, result_of_procedure: null }],
  steps: [
    { name_vi: 'Tiếp nhận', name_en: '', role: 'clerk', agency: null, share_percent: 40 },
    { name_vi: 'Xử lý', name_en: 'Process', role: 'specialist', agency: null, share_percent: 60 },
  ],
  result: { kind: 'document', name_vi: 'Giấy xác nhận', name_en: '' },
  applicant_kinds: ['citizen'],
  legal_basis: ['Luật Hộ tịch 2014', 'Nghị định 123/2015'],
  version: 2,
  effective_from: '2025-07-01',
  competent_agency_name_vi: null,
};

test('a procedure edit round-trips: same record apart from the edited name', () => {
  const form = procedureForm(procedureDetail);
  assert.equal(form.legal_basis, 'Luật Hộ tịch 2014\nNghị định 123/2015');
  assert.equal(shareTotal(form.steps), 100);
  assert.deepEqual(validateProcedure(form), []);
  form.name_vi = 'Xác nhận tình trạng hôn nhân';
  const r = procedureRecord(procedureDetail, form);
  assert.equal(r.name_vi, 'Xác nhận tình trạng hôn nhân');
  assert.deepEqual(r.fees, procedureDetail.fees);
  assert.deepEqual(r.components, procedureDetail.components);
  assert.deepEqual(r.processing_time, procedureDetail.processing_time);
  assert.deepEqual(r.legal_basis, procedureDetail.legal_basis);
  assert.deepEqual(r.steps, [
    { name_vi: 'Tiếp nhận', role: 'clerk', agency: null, share_percent: 40 },
    { name_vi: 'Xử lý', name_en: 'Process', role: 'specialist', agency: null, share_percent: 60 },
  ]);
  assert.deepEqual(r.result, { kind: 'document', name_vi: 'Giấy xác nhận' });
  assert.equal(r.field_name_vi, procedureDetail.field_name_vi, 'derived fields go back as they came');
});

test('procedure validation: shares must sum to 100, each step named, province level names its agency', () => {
  const form = procedureForm(null);
  form.steps = [
    { name_vi: 'A', name_en: '', role: 'clerk', agency: '', share: '30' },
    { name_vi: '', name_en: '', role: 'head', agency: '', share: '30' },
  ];
  form.level = 'province';
  const problems = validateProcedure(form).map((p) => `${p.field}${p.item === undefined ? '' : `[${p.item}]`}:${p.problem}`);
  for (const expected of ['code:required', 'competent_agency:required', 'step_name_vi[1]:required', 'steps:sum', 'effective_from:required']) {
    assert.ok(problems.includes(expected), `${expected} in ${problems.join(', ')}`);
  }
  form.steps[1].share = 'x';
  assert.ok(Number.isNaN(shareTotal(form.steps)));
  assert.ok(validateProcedure(form).some((p) => p.field === 'step_share' && p.item === 1));
});

test('the param of a refusal points to the field and the row', () => {
  assert.deepEqual(parseFieldParam('steps.share_percent'), { path: 'steps.share_percent', field: 'steps', item: null });
  assert.deepEqual(parseFieldParam('steps[2].name_vi'), { path: 'steps.name_vi', field: 'steps', item: 2 });
  assert.deepEqual(parseFieldParam('processing_time.cutoff'), { path: 'processing_time.cutoff', field: 'processing_time', item: null });
  assert.equal(parseFieldParam('parent').field, 'parent');
  assert.deepEqual(parseFieldParam(null), { path: '', field: '', item: null });
});
