// The DVCQG simulator alone (tests/simulators/dvcqg/, docs/dvcqg.md), driven with fetch as the
// connector would drive it: sign-in, the pushes and their answers (-1, -2, -9, 403, 400),
// Idempotency-Key replays applied once, the order checks, each fault kind at rate 1, the outage,
// the pulls, the control routes, and a clean exit on SIGTERM. The tests of the connector rely on
// all of this when they compare the simulator's state with what MotCua holds.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { startSimulator, type FaultKind, type RunningSimulator } from './support/dvcqg_simulator.ts';

interface Answer {
  status: number;
  text: string;
  body: any;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, text, body: parsed };
}

async function signIn(sim: RunningSimulator, username = 'motcua', password = 'secret'): Promise<string> {
  const answer = await post(`${sim.url}/auth`, { username, password });
  assert.equal(answer.status, 200, answer.text);
  assert.equal(answer.body.error_code, '0', answer.text);
  return answer.body.session;
}

/** One /api call; `key` becomes the Idempotency-Key header. */
function call(sim: RunningSimulator, session: string, service: string, fields: Record<string, unknown>,
  key?: string, unit = 'H40'): Promise<Answer> {
  return post(`${sim.url}/api`, { service, session, madonvi: unit, ...fields },
    key === undefined ? {} : { 'Idempotency-Key': key });
}

function dossier(code: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: code, MaTTHC: '1.001193', TenTTHC: 'Đăng ký khai sinh', MaLinhVuc: 'HT', TenLinhVuc: 'Hộ tịch',
    KenhThucHien: 2, ChuHoSo: 'Nguyễn Thị Hoà', SoGiayToChuHoSo: '040190000123', LoaiDoiTuong: 1,
    DonViXuLy: 'H40.20.01', NoiNopHoSo: 'H40.20.01', NgayNopHoSo: '20250303081500', TrangThaiHoSo: 1,
    HinhThuc: 0, HoSoCoThanhPhanSoHoa: 0, DuocThanhToanTrucTuyen: 0, ...fields,
  };
}

function step(code: string, number: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: code, NguoiXuLy: 'motcua.mc1', ChucDanh: '', ThoiDiemXuLy: '20250303091500',
    PhongBanXuLy: 'H40.20.01', NoiDungXuLy: 'receive', TrangThai: 2, NgayBatDau: '20250303091500',
    SoThuTu: number, ...fields,
  };
}

const create = (sim: RunningSimulator, session: string, item: Record<string, unknown>, key?: string) =>
  call(sim, session, 'DongBoHoSoMC', { isUpdating: false, data: [item] }, key);
const update = (sim: RunningSimulator, session: string, item: Record<string, unknown>, key?: string) =>
  call(sim, session, 'DongBoHoSoMC', { isUpdating: true, data: [item] }, key);
const pushStep = (sim: RunningSimulator, session: string, item: Record<string, unknown>, key?: string) =>
  call(sim, session, 'CapNhatTienDoHoSoMC', { data: [item] }, key);

/** The error of a request whose connection closed without an answer (fetch rejects). */
async function noAnswer(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (error: any) => {
    assert.equal(error?.name, 'TypeError', String(error));  // "fetch failed", cause: the socket closed.
    return true;
  });
}

test('sign-in: a session token with its lifetime; wrong credentials "401"', async () => {
  const sim = await startSimulator({ username: 'dvc', password: 'mật khẩu', sessionSeconds: 120 });
  const ok = await post(`${sim.url}/auth`, { username: 'dvc', password: 'mật khẩu' });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.error_code, '0');
  assert.match(ok.body.session, /^[0-9a-f]{32}$/);
  assert.equal(ok.body.expires_in, 120);
  const other = await signIn(sim, 'dvc', 'mật khẩu');
  assert.notEqual(other, ok.body.session);
  const wrong = await post(`${sim.url}/auth`, { username: 'dvc', password: 'secret' });
  assert.equal(wrong.status, 200);
  assert.deepEqual(wrong.body, { error_code: '401', message: 'Sai tên đăng nhập hoặc mật khẩu' });
  const malformed = await post(`${sim.url}/auth`, '{"username": ');
  assert.equal(malformed.body.error_code, '400');
  const counters = (await sim.summary()).counters;
  assert.equal(counters.auth, 4);
  assert.equal(counters.auth_failed, 1);
  assert.equal(counters.invalid, 1);
  assert.equal(await sim.stop(), 0);
});

test('sessions: unknown, missing, expired or forgotten → "-9"; wrong madonvi → "403"', async () => {
  const sim = await startSimulator({ sessionSeconds: 1, unit: 'H32' });
  const session = await signIn(sim);
  const catalogue = await call(sim, session, 'LayDanhSachTTHC', {}, undefined, 'H32');
  assert.equal(catalogue.body.error_code, '0');
  const minus9 = { error_code: '-9', message: 'Phiên làm việc hết hạn' };
  assert.deepEqual((await call(sim, 'not-a-token', 'LayDanhSachTTHC', {}, undefined, 'H32')).body, minus9);
  assert.deepEqual((await post(`${sim.url}/api`, { service: 'LayDanhSachTTHC', madonvi: 'H32' })).body, minus9);
  const wrongUnit = await call(sim, session, 'LayDanhSachTTHC', {}, undefined, 'H40');
  assert.equal(wrongUnit.body.error_code, '403');
  await sleep(1_100);
  assert.deepEqual((await call(sim, session, 'LayDanhSachTTHC', {}, undefined, 'H32')).body, minus9);
  const fresh = await signIn(sim);
  assert.equal((await call(sim, fresh, 'LayDanhSachTTHC', {}, undefined, 'H32')).body.error_code, '0');
  await sim.expireSessions();
  assert.deepEqual((await call(sim, fresh, 'LayDanhSachTTHC', {}, undefined, 'H32')).body, minus9);
  const counters = (await sim.summary()).counters;
  assert.equal(counters.session_errors, 4);
  assert.equal(counters.unit_errors, 1);
  assert.equal(counters.by_service.LayDanhSachTTHC, 7);
});

test('pushes: create, "-1" when it exists, update, "-2" for an unknown dossier, steps in order', async () => {
  const sim = await startSimulator();
  const session = await signIn(sim);
  const success = { error_code: '0', message: 'thành công' };
  assert.deepEqual((await create(sim, session, dossier('H40.20.01-250303-0001'), 'dvcqg-1-h')).body, success);
  assert.deepEqual((await create(sim, session, dossier('H40.20.01-250303-0001'), 'dvcqg-2-h')).body,
    { error_code: '-1', message: 'Hồ sơ đã tồn tại' });
  assert.deepEqual((await pushStep(sim, session, step('H40.20.01-250303-0001', 1), 'dvcqg-1-s')).body, success);
  const accepted = dossier('H40.20.01-250303-0001', { TrangThaiHoSo: 2, NgayTiepNhan: '20250303091500', NgayHenTra: '20250305170000' });
  assert.deepEqual((await update(sim, session, accepted, 'dvcqg-2-h')).body, success);
  assert.deepEqual((await pushStep(sim, session, step('H40.20.01-250303-0001', 2, { NoiDungXuLy: 'accept', TrangThai: 2 }), 'dvcqg-2-s')).body, success);
  const unknown = { error_code: '-2', message: 'Hồ sơ không tồn tại' };
  assert.deepEqual((await update(sim, session, dossier('H40-UNKNOWN'), 'dvcqg-3-h')).body, unknown);
  assert.deepEqual((await pushStep(sim, session, step('H40-LATER', 1), 'dvcqg-4-s')).body, unknown);
  // The dossier created after its step was refused: the check remembers it.
  assert.equal((await create(sim, session, dossier('H40-LATER'), 'dvcqg-4-h')).body.error_code, '0');
  assert.equal((await pushStep(sim, session, step('H40-LATER', 1), 'dvcqg-4-s')).body.error_code, '0');
  // Steps out of order are applied, and counted.
  assert.equal((await pushStep(sim, session, step('H40-LATER', 3), 'dvcqg-5-s')).body.error_code, '0');
  assert.equal((await pushStep(sim, session, step('H40-LATER', 2), 'dvcqg-6-s')).body.error_code, '0');

  const state = await sim.state();
  assert.deepEqual(Object.keys(state.dossiers).sort(), ['H40-LATER', 'H40.20.01-250303-0001']);
  const first = state.dossiers['H40.20.01-250303-0001']!;
  assert.deepEqual(first.header, accepted);
  assert.equal(first.creates, 1);
  assert.equal(first.updates, 1);
  assert.deepEqual(first.steps, [step('H40.20.01-250303-0001', 1), step('H40.20.01-250303-0001', 2, { NoiDungXuLy: 'accept', TrangThai: 2 })]);
  assert.deepEqual(first.checks, { increasing: true, out_of_order: 0, steps_before_create: 0 });
  const later = state.dossiers['H40-LATER']!;
  assert.deepEqual(later.steps.map((s) => s.SoThuTu), [1, 3, 2]);
  assert.deepEqual(later.checks, { increasing: false, out_of_order: 1, steps_before_create: 1 });
  assert.deepEqual(state.orphan_steps, { 'H40-LATER': 1 });
  const c = state.counters;
  assert.deepEqual([c.creates, c.updates, c.steps, c.exists, c.unknown_dossier, c.out_of_order, c.steps_before_create],
    [2, 1, 5, 1, 2, 1, 1]);
  assert.equal(c.by_service.DongBoHoSoMC, 5);
  assert.equal(c.by_service.CapNhatTienDoHoSoMC, 6);
  assert.equal(c.duplicates, 0);
  assert.equal(c.unkeyed, 0);
});

test('Idempotency-Key: a replay is answered alike and applied once; keyless pushes are applied and counted', async () => {
  const sim = await startSimulator();
  const session = await signIn(sim);
  assert.equal((await create(sim, session, dossier('D1'), 'dvcqg-10-h')).body.error_code, '0');
  // The replay carries another body on purpose: the key alone decides.
  const replay = await create(sim, session, dossier('D1', { TrangThaiHoSo: 4 }), 'dvcqg-10-h');
  assert.deepEqual(replay.body, { error_code: '0', message: 'thành công' });
  assert.equal((await pushStep(sim, session, step('D1', 1), 'dvcqg-10-s')).body.error_code, '0');
  const replays = await Promise.all(Array.from({ length: 20 }, () => pushStep(sim, session, step('D1', 1), 'dvcqg-10-s')));
  assert.ok(replays.every((answer) => answer.body.error_code === '0'));
  // A refused call is not remembered: the same key may carry the update that follows a "-1".
  assert.equal((await create(sim, session, dossier('D1', { TrangThaiHoSo: 2 }), 'dvcqg-11-h')).body.error_code, '-1');
  assert.equal((await update(sim, session, dossier('D1', { TrangThaiHoSo: 2 }), 'dvcqg-11-h')).body.error_code, '0');
  assert.equal((await update(sim, session, dossier('D1', { TrangThaiHoSo: 3 }))).body.error_code, '0');
  assert.equal((await update(sim, session, dossier('D1', { TrangThaiHoSo: 3 }))).body.error_code, '0');

  const state = await sim.state();
  const d1 = state.dossiers.D1!;
  assert.equal(d1.creates, 1);
  assert.equal(d1.updates, 3);
  assert.equal(d1.steps.length, 1);
  assert.equal(d1.header.TrangThaiHoSo, 3);
  assert.equal(state.counters.duplicates, 21);
  assert.equal(state.counters.unkeyed, 2);
});

test('validation: "400" naming the field, counted as invalid, nothing applied', async () => {
  const sim = await startSimulator();
  const session = await signIn(sim);
  const cases: [string, Record<string, unknown>, string][] = [
    ['DongBoHoSoMC', { isUpdating: false, data: [dossier('')] }, 'data[0].MaHoSo'],
    ['DongBoHoSoMC', { isUpdating: false, data: [dossier('V1', { MaHoSo: 17 })] }, 'data[0].MaHoSo'],
    ['DongBoHoSoMC', { isUpdating: false, data: [dossier('V1', { TrangThaiHoSo: 0 })] }, 'data[0].TrangThaiHoSo'],
    ['DongBoHoSoMC', { isUpdating: false, data: [dossier('V1', { TrangThaiHoSo: 11 })] }, 'data[0].TrangThaiHoSo'],
    ['DongBoHoSoMC', { isUpdating: false, data: [dossier('V1', { TrangThaiHoSo: '2' })] }, 'data[0].TrangThaiHoSo'],
    ['DongBoHoSoMC', { isUpdating: false, data: [dossier('V1', { NgayNopHoSo: '2025-03-03 08:15' })] }, 'data[0].NgayNopHoSo'],
    ['DongBoHoSoMC', { isUpdating: false, data: [dossier('V1', { NgayHenTra: '20251303081500' })] }, 'data[0].NgayHenTra'],
    ['DongBoHoSoMC', { isUpdating: false, data: [dossier('V1', { NgayTra: null })] }, 'data[0].NgayTra'],
    ['DongBoHoSoMC', { isUpdating: false, data: [dossier('V1', { KenhThucHien: 4 })] }, 'data[0].KenhThucHien'],
    ['DongBoHoSoMC', { isUpdating: false, data: [dossier('V1', { DanhSachGiayToKetQua: [{ TenGiayTo: 'Giấy khai sinh', MaGiayTo: 'abc' }] })] }, 'data[0].DanhSachGiayToKetQua[0].MaGiayTo'],
    ['DongBoHoSoMC', { isUpdating: 'no', data: [dossier('V1')] }, 'isUpdating'],
    ['DongBoHoSoMC', { isUpdating: false, data: [] }, 'data'],
    ['CapNhatTienDoHoSoMC', { data: [step('V1', 1, { TrangThai: 12 })] }, 'data[0].TrangThai'],
    ['CapNhatTienDoHoSoMC', { data: [step('V1', 0)] }, 'data[0].SoThuTu'],
    ['CapNhatTienDoHoSoMC', { data: [step('V1', 1, { ThoiDiemXuLy: '2025030309150' })] }, 'data[0].ThoiDiemXuLy'],
    ['CapNhatTienDoHoSoMC', { data: [step('V1', 1), step('V1', 2, { NoiDungXuLy: '' })] }, 'data[1].NoiDungXuLy'],
    ['LayDanhSachHoSoDVC', { tuSoThuTu: -1 }, 'tuSoThuTu'],
    ['KhongCoDichVuNay', {}, 'service'],
  ];
  for (const [service, fields, field] of cases) {
    const answer = await call(sim, session, service, fields, `key-${field}`);
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.error_code, '400', `${field}: ${answer.text}`);
    assert.equal(answer.body.field, field, answer.text);
    assert.ok(answer.body.message.startsWith(`${field}:`), answer.text);
  }
  const notJson = await post(`${sim.url}/api`, '{"service": "DongBoHoSoMC", ');
  assert.equal(notJson.body.error_code, '400');
  // Valid dossiers with every optional field present, and without them.
  const full = dossier('V2', {
    NgayTiepNhan: '20250303091500', NgayHenTra: '20250305170000', NgayKetThucXuLy: '20250304100000',
    NgayTra: '20250304110000', SoDienThoai: '0912345678', Email: 'a@example.vn', DiaChi: 'Vinh',
    DanhSachGiayToKetQua: [{ TenGiayTo: 'Giấy khai sinh', MaGiayTo: 'a'.repeat(64) }],
  });
  assert.equal((await create(sim, session, full, 'ok-1')).body.error_code, '0');
  assert.equal((await create(sim, session, { MaHoSo: 'V3', TrangThaiHoSo: 1 }, 'ok-2')).body.error_code, '0');
  const summary = await sim.summary();
  assert.equal(summary.counters.invalid, cases.length + 1);
  assert.equal(summary.dossiers, 2);
  assert.equal(summary.steps, 0);
});

test('a body over 1 MiB is answered 413 and counted', async () => {
  const sim = await startSimulator();
  const session = await signIn(sim);
  const answer = await call(sim, session, 'DongBoHoSoMC', { isUpdating: false, data: [dossier('BIG', { DiaChi: 'x'.repeat(1_100_000) })] });
  assert.equal(answer.status, 413);
  const counters = (await sim.summary()).counters;
  assert.equal(counters.too_large, 1);
  assert.equal(counters.invalid, 1);
  assert.equal(counters.creates, 0);
});

test('faults at rate 1: each kind observable, applied only when it says so', async () => {
  const sim = await startSimulator({ slowMs: 300, timeoutMs: 400 });
  const session = await signIn(sim);
  const only = (kind: FaultKind) => sim.setFaults({ rate: 1, kinds: [kind] });
  const applied = async (code: string) => (await sim.state()).dossiers[code] !== undefined;

  await only('http_500');
  const error500 = await create(sim, session, dossier('F-500'), 'f-500');
  assert.equal(error500.status, 500);
  assert.equal(await applied('F-500'), false);

  await only('drop_ack');
  await noAnswer(create(sim, session, dossier('F-DROP'), 'f-drop'));
  assert.equal((await sim.state()).dossiers['F-DROP']?.creates, 1);
  await sim.setFaults({ rate: 0 });
  // The connector's retry: same key, recognised, not applied again.
  assert.equal((await create(sim, session, dossier('F-DROP'), 'f-drop')).body.error_code, '0');
  assert.equal((await sim.state()).dossiers['F-DROP']?.creates, 1);

  await only('slow');
  const started = Date.now();
  const slow = await create(sim, session, dossier('F-SLOW'), 'f-slow');
  assert.ok(Date.now() - started >= 290, `answered after ${Date.now() - started} ms`);
  assert.equal(slow.body.error_code, '0');
  assert.equal(await applied('F-SLOW'), true);

  await only('timeout');
  const held = Date.now();
  await noAnswer(create(sim, session, dossier('F-TIMEOUT'), 'f-timeout'));
  assert.ok(Date.now() - held >= 390, `closed after ${Date.now() - held} ms`);
  assert.equal(await applied('F-TIMEOUT'), false);

  await only('invalid_json');
  const invalid = await create(sim, session, dossier('F-JSON'), 'f-json');
  assert.equal(invalid.status, 200);
  assert.equal(invalid.text, '{not json');
  assert.equal(await applied('F-JSON'), false);

  await only('huge_body');
  const huge = await create(sim, session, dossier('F-HUGE'), 'f-huge');
  assert.equal(huge.status, 200);
  assert.equal(Buffer.byteLength(huge.text), 5 * 1024 * 1024);
  assert.equal(huge.body.error_code, '0');
  assert.equal(await applied('F-HUGE'), false);

  await only('wrong_types');
  const wrong = await create(sim, session, dossier('F-TYPES'), 'f-types');
  assert.deepEqual(wrong.body, { error_code: 0, message: ['x'] });
  assert.equal(await applied('F-TYPES'), false);

  await only('close');
  await noAnswer(create(sim, session, dossier('F-CLOSE'), 'f-close'));
  assert.equal(await applied('F-CLOSE'), false);
  // /auth suffers the faults too; the control routes never do.
  await noAnswer(post(`${sim.url}/auth`, { username: 'motcua', password: 'secret' }));

  const summary = await sim.summary();
  assert.deepEqual(summary.counters.faults,
    { close: 2, drop_ack: 1, http_500: 1, huge_body: 1, invalid_json: 1, slow: 1, timeout: 1, wrong_types: 1 });
  assert.equal(summary.counters.duplicates, 1);
  assert.equal(summary.dossiers, 2);
  assert.deepEqual(summary.fault_plan, { rate: 1, kinds: ['close'], slow_ms: 300, timeout_ms: 400, seed: 1 });
});

test('faults: drawn at the given rate, the same sequence for the same seed', async () => {
  const sim = await startSimulator({ faultRate: 0.5, faults: ['http_500', 'wrong_types'], seed: 7 });
  const session = await (async () => {
    await sim.setFaults({ rate: 0 });
    const token = await signIn(sim);
    await sim.setFaults({ rate: 0.5, seed: 7 });
    return token;
  })();
  const run = async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      const answer = await call(sim, session, 'LayDanhMucCoQuan', {});
      outcomes.push(answer.status === 500 ? '5' : typeof answer.body.error_code === 'number' ? 'w' : '.');
    }
    return outcomes.join('');
  };
  const first = await run();
  await sim.setFaults({ seed: 7 });
  const second = await run();
  assert.equal(second, first);
  const faulty = [...first].filter((c) => c !== '.').length;
  assert.ok(faulty > 70 && faulty < 130, `${faulty} faults in 200 calls: ${first}`);
  assert.ok(first.includes('5') && first.includes('w'), first);
  await sim.setFaults({ seed: 8 });
  assert.notEqual(await run(), first);
  // reset restores the start-up plan.
  await sim.setFaults({ rate: 0.1, kinds: ['close'] });
  await sim.reset();
  assert.deepEqual((await sim.summary()).fault_plan,
    { rate: 0.5, kinds: ['http_500', 'wrong_types'], slow_ms: 300, timeout_ms: 5000, seed: 7 });
  // A bad plan is refused as a whole.
  const refused = await post(`${sim.url}/_sim/faults`, { rate: 0.2, kinds: ['meteor'] });
  assert.equal(refused.status, 400);
  assert.equal((await sim.summary()).fault_plan.rate, 0.5);
});

test('down: /auth and /api answered 503 until lifted or for N seconds; control routes still answer', async () => {
  const sim = await startSimulator();
  const session = await signIn(sim);
  await sim.down(true);
  assert.equal((await post(`${sim.url}/auth`, { username: 'motcua', password: 'secret' })).status, 503);
  assert.equal((await create(sim, session, dossier('DOWN-1'), 'k1')).status, 503);
  assert.equal((await sim.summary()).down, true);
  await sim.down(false);
  assert.equal((await create(sim, session, dossier('DOWN-1'), 'k1')).body.error_code, '0');
  await sim.down(0.4);
  assert.equal((await create(sim, session, dossier('DOWN-2'), 'k2')).status, 503);
  await sleep(500);
  assert.equal((await create(sim, session, dossier('DOWN-2'), 'k2')).body.error_code, '0');
  const summary = await sim.summary();
  assert.equal(summary.counters.down_refused, 3);
  assert.equal(summary.counters.creates, 2);
  assert.equal(summary.down, false);
});

test('pulls: the catalogue, the agencies, and the portal dossiers 100 at a time after tuSoThuTu', async () => {
  const sim = await startSimulator();
  const session = await signIn(sim);
  const procedures = await call(sim, session, 'LayDanhSachTTHC', {});
  assert.equal(procedures.body.error_code, '0');
  assert.ok(procedures.body.result.length > 0);
  for (const item of procedures.body.result) {
    assert.deepEqual(Object.keys(item).sort(),
      ['CoQuanThucHien', 'MaLinhVuc', 'MaTTHC', 'TenLinhVuc', 'TenTTHC', 'ThoiHanGiaiQuyet']);
  }
  const agencies = await call(sim, session, 'LayDanhMucCoQuan', {});
  assert.deepEqual(Object.keys(agencies.body.result[0]).sort(), ['MaCoQuan', 'MaCoQuanCha', 'TenCoQuan']);

  const submitted = Array.from({ length: 250 }, (_, i) => ({
    MaHoSoQG: `G${String(i + 1).padStart(6, '0')}`, MaTTHC: '1.001193', ChuHoSo: 'Trần Văn Bình',
    SoGiayToChuHoSo: '040190000999', LoaiDoiTuong: 1, SoDienThoai: '0912000000', Email: 'b@example.vn',
    DiaChi: 'Vinh', NgayNopHoSo: '20250303081500',
  }));
  assert.equal(await sim.addPortalDossiers(submitted.slice(0, 200)), 200);
  assert.equal(await sim.addPortalDossiers(submitted.slice(200)), 250);
  const page = async (from: number) =>
    (await call(sim, session, 'LayDanhSachHoSoDVC', { tuSoThuTu: from })).body.result as any[];
  const first = await page(0);
  assert.equal(first.length, 100);
  assert.deepEqual(first[0], { ...submitted[0], SoThuTu: 1 });
  assert.deepEqual((await page(100)).map((d) => d.SoThuTu), Array.from({ length: 100 }, (_, i) => i + 101));
  assert.deepEqual((await page(230)).map((d) => d.MaHoSoQG), submitted.slice(230).map((d) => d.MaHoSoQG));
  assert.deepEqual(await page(250), []);
  assert.equal((await sim.state()).portal_dossiers.length, 250);
  const refused = await post(`${sim.url}/_sim/portal_dossiers`, { dossiers: [{ MaTTHC: 'x' }] });
  assert.equal(refused.status, 400);
});

test('reset forgets what was received; sessions stay valid', async () => {
  const sim = await startSimulator();
  const session = await signIn(sim);
  await create(sim, session, dossier('R1'), 'r1');
  await pushStep(sim, session, step('R1', 1), 'r1-s');
  await sim.addPortalDossiers([{ MaHoSoQG: 'G1' }]);
  await sim.down(true);
  await sim.reset();
  const state = await sim.state();
  assert.deepEqual(state.dossiers, {});
  assert.deepEqual(state.portal_dossiers, []);
  assert.equal(state.counters.requests, 0);
  assert.equal((await create(sim, session, dossier('R1'), 'r1')).body.error_code, '0');  // The key is forgotten too.
  assert.equal((await sim.summary()).counters.duplicates, 0);
  const unknownRoute = await fetch(`${sim.url}/_sim/nothing`);
  assert.equal(unknownRoute.status, 404);
  await unknownRoute.body?.cancel();
});

test('concurrent keep-alive clients: every push applied once, SIGTERM exits 0', async (t) => {
  const sim = await startSimulator({ threads: 4 });
  const session = await signIn(sim);
  const dossiers = 400;
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < dossiers) {
      const n = next++;
      const code = `C${n}`;
      assert.equal((await create(sim, session, dossier(code), `c-${n}-h`)).body.error_code, '0');
      for (let s = 1; s <= 3; s += 1) {
        assert.equal((await pushStep(sim, session, step(code, s), `c-${n}-${s}-s`)).body.error_code, '0');
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const seconds = (Date.now() - started) / 1000;
  // Bound by node's fetch, not by the simulator (wrk: README.md "Throughput").
  t.diagnostic(`${dossiers * 4} pushes in ${seconds.toFixed(2)} s from 16 fetch clients: ${Math.round(dossiers * 4 / seconds)} requests/s`);
  const summary = await sim.summary();
  assert.equal(summary.dossiers, dossiers);
  assert.equal(summary.steps, dossiers * 3);
  assert.equal(summary.counters.out_of_order, 0);
  assert.equal(summary.counters.requests, dossiers * 4 + 1);
  assert.equal(await sim.stop(), 0);
});
