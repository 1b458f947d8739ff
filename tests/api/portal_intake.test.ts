// What MotCua takes in from the national portal (docs/dvcqg.md §3.4–3.5): the dossiers citizens
// submitted there, pulled from the DVCQG simulator and created as `submit` events — once per
// national code (MaHoSoQG), whatever the portal repeats — those that do not fit held for the
// province administrator's review; and the national catalogue compared with the province's into
// the same review queue, never applied by itself.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_LOGINS, FAST_HASHING, WARD_CENTRE, call, login, type Session } from './support/auth.ts';
import { getEvents, listAll } from './support/dossiers.ts';
import { makeTempDir, startServer, type RunningServer } from './support/server.ts';
import { PORTAL, portalEnv, startSimulator, type RunningSimulator } from './support/dvcqg_simulator.ts';
import { assertProblem } from './support/http.ts';

/** A national catalogue for the simulator: one procedure as the province has it, one renamed,
 * one the province lacks; the province's root as it is, a department renamed, a new agency. */
function catalogueFile(): string {
  const path = join(makeTempDir(), 'catalogue.json');
  writeFileSync(path, JSON.stringify({
    procedures: [
      { MaTTHC: '1.001193', TenTTHC: 'Đăng ký khai sinh', MaLinhVuc: '', TenLinhVuc: 'Hộ tịch', CoQuanThucHien: 'UBND cấp xã', ThoiHanGiaiQuyet: 1 },
      { MaTTHC: '1.000656', TenTTHC: 'Đăng ký khai tử (cập nhật)', MaLinhVuc: '', TenLinhVuc: 'Hộ tịch', CoQuanThucHien: 'UBND cấp xã', ThoiHanGiaiQuyet: 1 },
      { MaTTHC: '1.010723', TenTTHC: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', MaLinhVuc: 'XD', TenLinhVuc: 'Xây dựng', CoQuanThucHien: 'UBND cấp xã', ThoiHanGiaiQuyet: 15 },
    ],
    agencies: [
      { MaCoQuan: 'H32', TenCoQuan: 'Ủy ban nhân dân tỉnh Khánh Hòa', MaCoQuanCha: '' },
      { MaCoQuan: 'H32.02', TenCoQuan: 'Sở Tư pháp tỉnh Khánh Hòa', MaCoQuanCha: 'H32' },
      { MaCoQuan: 'H32.99', TenCoQuan: 'Sở mới thành lập', MaCoQuanCha: 'H32' },
    ],
  }));
  return path;
}

/** A dossier as the portal lists it (LayDanhSachHoSoDVC), submitted on 2026-03-10 08:30 local. */
function portalDossier(nationalCode: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSoQG: nationalCode, MaTTHC: '1.001193', MaCoQuanTiepNhan: WARD_CENTRE, ChuHoSo: 'Trần Thị Bình',
    SoGiayToChuHoSo: '079000000001', LoaiDoiTuong: '1', SoDienThoai: '0905111111', Email: 'binh@vd.test',
    DiaChi: 'Bắc Nha Trang', NgayNopHoSo: '20260310083000', ...fields,
  };
}

describe('dossiers submitted on the national portal', () => {
  let sim: RunningSimulator;
  let server: RunningServer;
  let admin: Session;
  let clerk: Session;

  before(async () => {
    sim = await startSimulator({ ...PORTAL, catalog: catalogueFile() });
    // The pulls run when the test asks (POST …/pull-*), not on a timer.
    server = await startServer({
      demoEnv: FAST_HASHING,
      env: portalEnv(sim, { MOTCUA_DVCQG_PULL_SECONDS: '0', MOTCUA_DVCQG_CATALOGUE_PULL_HOURS: '0' }),
    });
    admin = await login(server, DEMO_LOGINS.province_admin);
    clerk = await login(server, DEMO_LOGINS.clerk);
  });
  after(async () => {
    await server?.close();
  });

  const pull = async () => {
    const answer = await call(server, '/api/v1/sync/portal/pull-dossiers', { method: 'POST', session: admin });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(answer.body.complete, true, answer.text);
    return answer.body;
  };
  const review = async (query: string) => {
    const answer = await call(server, `/api/v1/sync/portal/review?${query}`, { session: admin });
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  };
  /** The ward centre's submitted dossiers of the applicant with `idNumber`. */
  const dossiersOf = async (idNumber: string) =>
    (await listAll(server, clerk, { status: '1' })).filter((item) => item.applicant?.id_number === idNumber);

  test('each is created once as an online submit event; what does not fit waits for review', async () => {
    await sim.addPortalDossiers([
      portalDossier('G22.99-260310-0001'),
      // A province-level procedure without an agency: received where the procedure says.
      portalDossier('G22.99-260310-0002', {
        MaTTHC: '2.000488', MaCoQuanTiepNhan: '', SoGiayToChuHoSo: '079000000002', ChuHoSo: 'Lê Văn Cường',
      }),
      portalDossier('G22.99-260310-0003', { MaTTHC: '9.999999', SoGiayToChuHoSo: '079000000003' }),
      portalDossier('G22.99-260310-0004', { MaCoQuanTiepNhan: '', SoGiayToChuHoSo: '079000000004' }),
      portalDossier('G22.99-260310-0005', { SoGiayToChuHoSo: '12', ChuHoSo: 'Số giấy tờ sai' }),
    ]);
    const first = await pull();
    assert.deepEqual({ created: first.created, known: first.known, queued: first.queued, cursor: first.cursor },
      { created: 2, known: 0, queued: 3, cursor: 5 });

    const [created] = await dossiersOf('079000000001');
    assert.ok(created, 'the first portal dossier is in the ward centre inbox');
    assert.equal(created.channel, 'online');
    assert.equal(created.applicant.name, 'Trần Thị Bình');
    const events = await getEvents(server, clerk, created.code);
    assert.equal(events.status, 200, events.text);
    // Its one action is the submission (the outbox may have pushed it and recorded the portal's
    // acknowledgement already).
    const [submit, ...later] = events.body.items;
    assert.deepEqual(later.map((event: any) => event.action).filter((action: string) => action !== 'sync_ack'), []);
    assert.equal(submit.action, 'submit');
    assert.equal(submit.actor_login, 'system:portal intake');
    assert.equal(submit.at, '2026-03-10T08:30:00+07:00', 'the portal submission time');
    assert.equal(submit.payload.national_code, 'G22.99-260310-0001');

    // Nothing new: the cursor is past them. The portal then lists the first dossier again under
    // a new number: the national code's key finds the dossier it made.
    assert.equal((await pull()).created, 0);
    await sim.addPortalDossiers([portalDossier('G22.99-260310-0001')]);
    const repeated = await pull();
    assert.deepEqual({ created: repeated.created, known: repeated.known, cursor: repeated.cursor },
      { created: 0, known: 1, cursor: 6 });
    assert.equal((await dossiersOf('079000000001')).length, 1);

    const queue = await review('kind=dossier&status=pending');
    assert.equal(queue.pending.dossier, 3);
    assert.deepEqual(queue.items.map((item: any) => [item.code, item.change, item.reason]), [
      ['G22.99-260310-0003', 'not_created', 'invalid_parameter: procedure'],
      ['G22.99-260310-0004', 'not_created', 'invalid_parameter: agency'],
      ['G22.99-260310-0005', 'not_created', 'invalid_parameter: applicant.id_number'],
    ]);
    assert.equal(queue.items[1].record.SoGiayToChuHoSo, '079000000004');
    // Operators see the held dossiers at /metrics (docs/OPERATIONS.md alerts on them).
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(metrics, /^motcua_portal_review_pending\{connector="dvcqg",kind="dossier"\} 3$/m);
    assert.match(metrics, /^motcua_portal_review_pending\{connector="dvcqg",kind="procedure"\} 0$/m);
  });

  test('the administrator accepts a held dossier with an agency, or dismisses it', async () => {
    const { items } = await review('kind=dossier&status=pending');
    const [unknownProcedure, noAgency, badId] = items;

    const refused = await call(server, `/api/v1/sync/portal/review/${unknownProcedure.id}/accept`, {
      session: admin, body: {},
    });
    assertProblem(refused, 400, 'invalid_parameter', 'procedure');  // Still does not fit.

    const accepted = await call(server, `/api/v1/sync/portal/review/${noAgency.id}/accept`, {
      session: admin, body: { agency: WARD_CENTRE, note: 'tiếp nhận tại Bắc Nha Trang' },
    });
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal(accepted.body.status, 'accepted');
    assert.equal(accepted.body.decided_by, DEMO_LOGINS.province_admin);
    const [made] = await dossiersOf('079000000004');
    assert.ok(made, 'accepting creates the dossier');
    assert.match(accepted.body.note, new RegExp(`^${made.code.replaceAll('.', '\\.')} — tiếp nhận`));

    const dismissed = await call(server, `/api/v1/sync/portal/review/${badId.id}/dismiss`, {
      session: admin, body: { note: 'số giấy tờ sai, đã báo người nộp' },
    });
    assert.equal(dismissed.status, 200, dismissed.text);
    assert.equal(dismissed.body.status, 'dismissed');
    assertProblem(await call(server, `/api/v1/sync/portal/review/${badId.id}/accept`, { session: admin, body: {} }),
      409, 'portal_review_decided', 'dismissed');
    assertProblem(await call(server, `/api/v1/sync/portal/review/${badId.id}/dismiss`, {
      session: admin, body: { agency: WARD_CENTRE },
    }), 400, 'invalid_parameter', 'agency');
    assertProblem(await call(server, '/api/v1/sync/portal/review/99999/dismiss', { session: admin, body: {} }),
      404, 'portal_review_not_found', '99999');
    assert.equal((await review('kind=dossier&status=pending')).pending.dossier, 1);
  });

  test('the national catalogue is compared into the review queue, not applied', async () => {
    const pulled = await call(server, '/api/v1/sync/portal/pull-catalogue', { method: 'POST', session: admin });
    assert.equal(pulled.status, 200, pulled.text);
    assert.deepEqual(pulled.body, {
      procedures: 3, agencies: 3, differences: 4, queued: 4, resolved: 0, skipped: 0, complete: true, error: null,
    });
    const procedures = await review('kind=procedure');
    assert.deepEqual(procedures.items.map((item: any) => [item.code, item.change]),
      [['1.000656', 'changed'], ['1.010723', 'new']]);
    assert.match(procedures.items[0].reason, /^name: local "Đăng ký khai tử", portal "Đăng ký khai tử \(cập nhật\)"$/);
    const agencies = await review('kind=agency');
    assert.deepEqual(agencies.items.map((item: any) => [item.code, item.change]),
      [['H32.02', 'changed'], ['H32.99', 'new']]);
    // The province's catalogue is as it was.
    const justice = await call(server, '/api/v1/agencies/H32.02');
    assert.equal(justice.body.name_vi, 'Sở Tư pháp');

    // A second comparison finds the same differences: nothing newly pending, nothing reopened
    // (a dismissed one stays dismissed).
    const dismissed = await call(server, `/api/v1/sync/portal/review/${agencies.items[1].id}/dismiss`, {
      session: admin, body: { note: 'chưa có quyết định thành lập' },
    });
    assert.equal(dismissed.status, 200, dismissed.text);
    const again = await call(server, '/api/v1/sync/portal/pull-catalogue', { method: 'POST', session: admin });
    assert.equal(again.body.queued, 0, again.text);
    assert.equal((await review('kind=agency&status=dismissed')).items.length, 1);
  });

  test('only the province administrator sees and decides the queue; bad parameters are named', async () => {
    assertProblem(await call(server, '/api/v1/sync/portal/review', { session: clerk }), 403, 'forbidden');
    assertProblem(await call(server, '/api/v1/sync/portal/pull-dossiers', { method: 'POST', session: clerk }), 403, 'forbidden');
    assertProblem(await call(server, '/api/v1/sync/portal/review?kind=fee', { session: admin }), 400, 'invalid_parameter', 'kind');
    assertProblem(await call(server, '/api/v1/sync/portal/review?cursor=zz', { session: admin }), 400, 'invalid_parameter', 'cursor');
    const page = await review('limit=1');
    assert.equal(page.items.length, 1);
    const next = await review(`limit=1&cursor=${page.next_cursor}`);
    assert.notEqual(next.items[0].id, page.items[0].id);
  });

  test('a portal that is down leaves the cursor where it was', async () => {
    await sim.addPortalDossiers([portalDossier('G22.99-260310-0007', { SoGiayToChuHoSo: '079000000007' })]);
    await sim.down(true);
    const failed = await call(server, '/api/v1/sync/portal/pull-dossiers', { method: 'POST', session: admin });
    assert.equal(failed.status, 200, failed.text);
    assert.equal(failed.body.complete, false);
    assert.equal(failed.body.cursor, 6);
    assert.ok(failed.body.error);
    await sim.down(false);
    const resumed = await pull();
    assert.deepEqual({ created: resumed.created, cursor: resumed.cursor }, { created: 1, cursor: 7 });
  });
});

test('without the national portal, pulls answer 409 portal_not_connected', async () => {
  const server = await startServer({ env: FAST_HASHING, demoEnv: FAST_HASHING });
  try {
    const admin = await login(server, DEMO_LOGINS.province_admin);
    assertProblem(await call(server, '/api/v1/sync/portal/pull-dossiers', { method: 'POST', session: admin }),
      409, 'portal_not_connected');
    assertProblem(await call(server, '/api/v1/sync/portal/pull-catalogue', { method: 'POST', session: admin }),
      409, 'portal_not_connected');
    assertProblem(await call(server, '/api/v1/sync/portal/pull-dossiers', { method: 'POST' }), 401, 'authentication_required');
    const queue = await call(server, '/api/v1/sync/portal/review', { session: admin });
    assert.equal(queue.status, 200, queue.text);
    assert.deepEqual(queue.body.items, []);
  } finally {
    await server.close();
  }
});
