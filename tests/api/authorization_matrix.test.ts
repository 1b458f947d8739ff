// The authorization matrix (authorization_matrix.json): every route of `motcua routes` × every role
// (its demo account, or no session) × every scope variant, against the outcome the permission table
// and the services' rules call for. The matrix must name exactly the server's routes, so a new route
// cannot ship without a decision on who may call it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { makeTempDir, startServer, type RunningServer } from './support/server.ts';
import {
  DEMO_PASSWORD, FAST_HASHING, OTHER_WARD, OTHER_WARD_CLERK, WARD, WARD_CENTRE, call, createOfficer, login, runCli,
  type CallOptions, type Session,
} from './support/auth.ts';
import { createCitizen } from './support/dossiers.ts';
import { startSimulator, type RunningSimulator } from './support/dvcqg_simulator.ts';
import { startVnpay, type RunningVnpay } from './support/vnpay_simulator.ts';
import { scanPdf } from './support/scan_files.ts';

type Outcome = 'allow' | 401 | 403 | 404;
type RoleName = 'anonymous' | 'citizen' | 'organisation' | 'clerk' | 'specialist' | 'head' | 'cashier'
  | 'feedback_officer' | 'agency_admin' | 'province_admin' | 'auditor';
type Variant = '-' | 'own' | 'in_subtree' | 'other_agency' | 'higher_rights' | 'auditor_role';
interface Deviation { route: string; variant: Variant; role: RoleName; server_answers: number; bug: string }
interface Matrix {
  roles: Record<RoleName, string | null>;
  routes: Record<string, { permission: string } & Partial<Record<Variant, Record<RoleName, Outcome>>>>;
  known_deviations: Deviation[];
}

const matrix: Matrix = JSON.parse(readFileSync(new URL('./authorization_matrix.json', import.meta.url), 'utf8'));
const ROLES = Object.keys(matrix.roles) as RoleName[];
const VARIANTS: Variant[] = ['-', 'own', 'in_subtree', 'other_agency', 'higher_rights', 'auditor_role'];
const ANONYMOUS_LOGIN = 'mx.anonymous';
const ANONYMOUS_PASSWORD = 'Mx-Anonymous#2026';
const THROWAWAY_PASSWORD = 'Mx-Throwaway#2026';
// The problem codes each refusal may carry.
const REFUSAL_CODES: Record<number, string[]> = {
  401: ['authentication_required'],
  403: ['forbidden', 'cannot_change_self', 'account_rights_too_high', 'auditor_console_only', 'applicant_pays_online', 'not_a_holder'],
  404: ['account_not_found', 'dossier_not_found', 'document_not_found'],
};

function variantsOf(route: string): Variant[] {
  return VARIANTS.filter((variant) => matrix.routes[route]![variant] !== undefined);
}

function deviationOf(route: string, variant: Variant, role: RoleName): Deviation | undefined {
  return matrix.known_deviations.find((d) => d.route === route && d.variant === variant && d.role === role);
}

let server: RunningServer;
let serverRoutes: string[];
const sessions = new Map<RoleName, Session>();
const targets: Record<'in_subtree' | 'other_agency' | 'higher_rights', { id: number; ward: string }> = {
  in_subtree: { id: 0, ward: WARD },
  other_agency: { id: 0, ward: OTHER_WARD },
  higher_rights: { id: 0, ward: WARD },
};
const accountIds = new Map<RoleName, number>();
let portal: RunningSimulator;
let vnpay: RunningVnpay;
let portalItems = 0;
const deviationAnswers = new Map<Deviation, number>();
const importFiles = {
  agencies: readFileSync(new URL('../../resources/demo/agencies.json', import.meta.url), 'utf8'),
  procedures: readFileSync(new URL('../../resources/demo/procedures.json', import.meta.url), 'utf8'),
};

async function sessionOf(role: RoleName): Promise<Session | undefined> {
  if (role === 'anonymous') {
    return undefined;
  }
  let session = sessions.get(role);
  if (!session) {
    session = await login(server, matrix.roles[role]!);
    sessions.set(role, session);
    accountIds.set(role, session.account.id);
  }
  return session;
}

before(async () => {
  // DVCQG messages are queued, never sent (queue mode): the outbox routes have rows. The portal
  // is the simulator, read only by the administrator's pulls: the review routes have items.
  portal = await startSimulator({ unit: 'H32', username: 'mx', password: 'mx-portal' });
  // VNPay: the simulator, whose daily report the reconciliation reads.
  vnpay = await startVnpay({ tmnCode: 'MX000001', hashSecret: 'mx-vnpay-secret' });
  server = await startServer({
    env: {
      ...FAST_HASHING, MOTCUA_DVCQG_MODE: 'queue', MOTCUA_DVCQG_URL: portal.url, MOTCUA_DVCQG_UNIT_CODE: 'H32',
      MOTCUA_DVCQG_USERNAME: 'mx', MOTCUA_DVCQG_PASSWORD: 'mx-portal',
      // VNPay offered, its order checks only queued: building a pay URL calls no one.
      MOTCUA_VNPAY_MODE: 'queue', MOTCUA_VNPAY_URL: vnpay.url, MOTCUA_VNPAY_TMN_CODE: 'MX000001',
      MOTCUA_VNPAY_SECRET: 'mx-vnpay-secret',
    },
    demoEnv: FAST_HASHING,
  });
  const listed = runCli(makeTempDir(), ['routes']);
  assert.equal(listed.status, 0, listed.stderr);
  serverRoutes = listed.stdout.split('\n').map((line) => line.trim()).filter((line) => /^[A-Z]+ \//.test(line));
  const admin = (await sessionOf('province_admin'))!;
  targets.in_subtree.id = (await createOfficer(server, admin, 'mx.ward', WARD_CENTRE, [{ role: 'clerk', agency: WARD }], THROWAWAY_PASSWORD)).id;
  targets.other_agency.id = (await createOfficer(server, admin, 'mx.other', OTHER_WARD, [{ role: 'clerk', agency: OTHER_WARD }], THROWAWAY_PASSWORD)).id;
  targets.higher_rights.id = (await createOfficer(server, admin, 'mx.head', WARD_CENTRE, [{ role: 'head', agency: WARD }], THROWAWAY_PASSWORD)).id;
  await createOfficer(server, admin, ANONYMOUS_LOGIN, WARD_CENTRE, [], ANONYMOUS_PASSWORD);
  for (const role of ROLES) {
    await sessionOf(role);  // Every demo account's id, for the "own" variant.
  }
});

after(async () => {
  await server?.close();
  await vnpay?.stop();
  await portal?.stop();
});

interface Plan extends CallOptions {
  path: string;
  /** After the call, forget the role's cached session (the call may have ended it). */
  endsSessions?: boolean;
}

/** A calendar decision for the PUT and DELETE …/calendar/overrides/{date} recipes (a Monday of 2030). */
const CALENDAR_DECISION = { working: false, reason_vi: 'Thử ma trận phân quyền', reason_en: 'Authorization matrix test', source: 'test' };

/** A fresh pending review item: a birth registration submitted on the portal without a
 * receiving agency (a commune-level procedure needs one), taken in by the administrator's pull.
 * Accepting it with the ward centre as its agency creates the dossier. */
async function pendingPortalItem(): Promise<number> {
  portalItems += 1;
  await portal.addPortalDossiers([{
    MaHoSoQG: `G22.MX-${portalItems}`, MaTTHC: '1.001193', ChuHoSo: 'Trần Văn Ma Trận',
    SoGiayToChuHoSo: '079099000123', LoaiDoiTuong: '1',
  }]);
  const admin = (await sessionOf('province_admin'))!;
  const pulled = await call(server, '/api/v1/sync/portal/pull-dossiers', { method: 'POST', session: admin });
  assert.equal(pulled.status, 200, pulled.text);
  assert.equal(pulled.body.queued, 1, pulled.text);
  const listed = await call(server, '/api/v1/sync/portal/review?kind=dossier&status=pending&limit=200', { session: admin });
  assert.equal(listed.status, 200, listed.text);
  return listed.body.items.at(-1).id;
}

/** The id of the waiting DVCQG message of a fresh dossier received at the desk. */
async function waitingOutboxMessage(): Promise<number> {
  const applicant = { kind: 'citizen', id_number: '079099000123', name: 'Trần Văn Ma Trận' };
  const received = await call(server, '/api/v1/dossiers', {
    session: (await sessionOf('clerk'))!, body: { procedure: MATRIX_PROCEDURE, agency: WARD_CENTRE, channel: 'desk', applicant },
  });
  assert.equal(received.status, 201, `fixture dossier: ${received.text}`);
  const listed = await call(server, `/api/v1/outbox?dossier=${received.body.code}`, { session: (await sessionOf('province_admin'))! });
  assert.equal(listed.status, 200, listed.text);
  assert.equal(listed.body.items.length, 1, listed.text);
  return listed.body.items[0].id;
}

// How to call each route as `role` on `variant`. A route without a recipe fails its test.
async function planFor(route: string, role: RoleName, variant: Variant): Promise<Plan> {
  const [method, pattern] = route.split(' ') as [string, string];
  const session = await sessionOf(role);
  const ownId = accountIds.get(role) ?? targets.in_subtree.id;
  const target = variant === 'own' ? { id: ownId, ward: WARD } : variant === '-' ? undefined
    : variant === 'auditor_role' ? targets.in_subtree : targets[variant];
  const path = pattern
    .replace('{code}', pattern.startsWith('/api/v1/agencies') ? 'H32.02' : '1.001193.000.00.00.H32')
    .replace('{id}', String(target?.id ?? 0));
  const onOwn = variant === 'own';
  switch (route) {
    case 'GET /healthz': case 'GET /metrics': case 'GET /api/v1/openapi.json': case 'GET /api/v1/agencies':
    case 'GET /api/v1/agencies/{code}': case 'GET /api/v1/fields': case 'GET /api/v1/procedures':
    case 'GET /api/v1/procedures/{code}': case 'GET /api/v1/procedures/{code}/fees':
    case 'GET /api/v1/me': case 'GET /api/v1/accounts':
    case 'GET /api/v1/accounts/{id}': case 'GET /api/v1/audit': case 'GET /api/v1/outbox':
      return { path, method, session };
    case 'GET /api/v1/outbox/{id}': case 'POST /api/v1/outbox/{id}/retry': case 'POST /api/v1/outbox/{id}/skip':
      return { path: pattern.replace('{id}', String(await waitingOutboxMessage())), method, session };
    case 'GET /api/v1/sync/portal/review': case 'POST /api/v1/sync/portal/pull-dossiers':
    case 'POST /api/v1/sync/portal/pull-catalogue':
      return { path, method, session };
    case 'POST /api/v1/sync/portal/review/{id}/accept':
      return {
        path: pattern.replace('{id}', String(await pendingPortalItem())), method, session,
        body: { agency: WARD_CENTRE, note: 'ma trận' },
      };
    case 'POST /api/v1/sync/portal/review/{id}/dismiss':
      return { path: pattern.replace('{id}', String(await pendingPortalItem())), method, session, body: { note: 'ma trận' } };
    case 'POST /api/v1/auth/login':
      return {
        path, method, session,
        body: role === 'anonymous' ? { login: ANONYMOUS_LOGIN, password: ANONYMOUS_PASSWORD }
          : { login: matrix.roles[role], password: DEMO_PASSWORD },
      };
    case 'POST /api/v1/auth/logout':
      // A session of its own: logging out must not end the one the other calls use.
      return { path, method, session: role === 'anonymous' ? undefined : await login(server, matrix.roles[role]!) };
    case 'POST /api/v1/me/password':
      // The same password again: allowed by the policy, and the demo password stays valid.
      return { path, method, session, body: { current_password: DEMO_PASSWORD, new_password: DEMO_PASSWORD }, endsSessions: true };
    case 'POST /api/v1/accounts': {
      const ward = targets[variant as 'in_subtree' | 'other_agency'].ward;
      return {
        path, method, session,
        body: {
          kind: 'officer', login: `mx.${role}.${variant}`, name: `Tài khoản thử ${role}`,
          agency_code: ward === WARD ? WARD_CENTRE : ward, roles: [{ role: 'clerk', agency: ward }],
        },
      };
    }
    case 'POST /api/v1/accounts/{id}/disable': case 'POST /api/v1/accounts/{id}/enable':
      return { path, method, session, endsSessions: onOwn };
    case 'POST /api/v1/accounts/{id}/password':
      // On oneself, the demo password again, so that a wrongly allowed reset changes nothing lasting.
      return { path, method, session, body: { password: onOwn ? DEMO_PASSWORD : THROWAWAY_PASSWORD }, endsSessions: onOwn };
    case 'POST /api/v1/accounts/{id}/roles':
      // auditor_role: making a ward clerk an auditor, which only the console may do.
      return {
        path, method, session, endsSessions: onOwn,
        body: variant === 'auditor_role' ? { role: 'auditor', agency: 'H32' } : { role: 'clerk', agency: target!.ward },
      };
    case 'DELETE /api/v1/accounts/{id}/roles':
      return { path: `${path}?role=clerk&agency=${target!.ward}`, method, session, endsSessions: onOwn };
    case 'GET /api/v1/dossiers':
      return { path, method, session };
    case 'POST /api/v1/dossiers': {
      const agency = variant === 'in_subtree' ? WARD_CENTRE : OTHER_WARD;
      const applicant = role === 'anonymous' || role === 'citizen' || role === 'organisation';
      return {
        path, method, session,
        body: applicant ? { procedure: MATRIX_PROCEDURE, agency }
          : { procedure: MATRIX_PROCEDURE, agency, channel: 'desk', applicant: { id_number: '079200000001', name: 'Hồ Thị Giang' } },
      };
    }
    case 'GET /api/v1/dossiers/{code}': case 'GET /api/v1/dossiers/{code}/events':
    case 'GET /api/v1/dossiers/{code}/payments': case 'POST /api/v1/dossiers/{code}/actions':
    case 'GET /api/v1/dossiers/{code}/results': case 'GET /api/v1/dossiers/{code}/reusable-documents': {
      const target = await dossierTarget(role, variant);
      return {
        path: pattern.replace('{code}', target.code), method, session,
        body: method === 'POST' ? { action: target.action, ...target.fields } : undefined,
      };
    }
    case 'POST /api/v1/dossiers/{code}/payments': {
      // A dossier awaiting payment: the applicant's own for applicants, another's otherwise.
      const applicant = role === 'anonymous' || role === 'citizen' || role === 'organisation';
      const owner = applicant && role !== 'anonymous' ? (await sessionOf(role))! : applicant
        ? (await sessionOf('citizen'))! : await otherApplicantSession();
      const code = await dossierFixture(owner, WARD_CENTRE, 'received', PAID_PROCEDURE);
      await stepOk((await sessionOf('clerk'))!, code, 'forward');
      await stepOk((await sessionOf('cashier'))!, code, 'request_payment');
      return { path: pattern.replace('{code}', code), method, session, body: { gateway: 'vnpay' } };
    }
    case 'GET /api/v1/payments/{gateway}/callback': case 'GET /api/v1/payments/{gateway}/return':
      return { path: pattern.replace('{gateway}', 'vnpay'), method, session };
    case 'POST /api/v1/payments/{gateway}/callback':
      return { path: pattern.replace('{gateway}', 'vnpay'), method, session, body: {} };
    case 'GET /api/v1/dossiers/{code}/forms/{form}': {
      // The receipt: it applies to every received dossier.
      const target = await dossierTarget(role, variant, true);
      return { path: pattern.replace('{code}', target.code).replace('{form}', 'receipt'), method, session };
    }
    case 'POST /api/v1/dossiers/{code}/files': {
      // Applicants on their submitted dossier (attach), officers on a received one or one at their
      // step (the desk's digitize).
      const applicant = role === 'anonymous' || role === 'citizen' || role === 'organisation';
      const target = await dossierTarget(role, variant, !applicant);
      const upload = multipartUpload('TP1', MATRIX_PDF);
      return { path: pattern.replace('{code}', target.code), method, session, body: upload.body, headers: { 'content-type': upload.contentType } };
    }
    case 'POST /api/v1/dossiers/{code}/e-result': {
      // A dossier in processing (status 4, at the specialist's step): the applicant's own for
      // applicants in the own variant, another applicant's otherwise.
      const applicant = role === 'anonymous' || role === 'citizen' || role === 'organisation';
      const owner = applicant && variant === 'own'
        ? (role === 'anonymous' ? (await sessionOf('citizen'))! : (await sessionOf(role))!)
        : await otherApplicantSession();
      const code = await dossierFixture(owner, variant === 'other_agency' ? OTHER_WARD : WARD_CENTRE, 'specialist');
      const upload = multipartUpload(null, MATRIX_PDF);
      return { path: pattern.replace('{code}', code), method, session, body: upload.body, headers: { 'content-type': upload.contentType } };
    }
    case 'GET /api/v1/me/documents':
      return { path, method, session };
    case 'GET /api/v1/documents/{id}': case 'GET /api/v1/documents/{id}/files/{sha256}': {
      // A scan the desk digitised on the target dossier: a document of its applicant's store.
      // Applicants ask as holders; officers through the dossier (?dossier=).
      const target = await dossierTarget(role, variant, true);
      const document = await storedScanFixture(target.code, variant);
      const applicant = role === 'anonymous' || role === 'citizen' || role === 'organisation';
      const query = applicant ? '' : `?dossier=${encodeURIComponent(target.code)}`;
      const file = route.endsWith('{sha256}') ? `/files/${document.sha256}` : '';
      return { path: `/api/v1/documents/${document.id}${file}${query}`, method, session };
    }
    case 'GET /api/v1/files/{sha256}': {
      // A file the desk of the dossier's agency digitized on the target dossier.
      const target = await dossierTarget(role, variant, true);
      const desk = variant === 'other_agency' ? (otherWardClerk ??= await login(server, OTHER_WARD_CLERK)) : (await sessionOf('clerk'))!;
      const upload = multipartUpload('TP1', MATRIX_PDF);
      const stored = await call(server, `/api/v1/dossiers/${target.code}/files`, { session: desk, body: upload.body, headers: { 'content-type': upload.contentType } });
      assert.equal(stored.status, 201, `fixture upload on ${target.code}: ${stored.text}`);
      return { path: `${pattern.replace('{sha256}', stored.body.files[0].sha256)}?dossier=${encodeURIComponent(target.code)}`, method, session };
    }
    case 'PUT /api/v1/agencies/{code}': case 'PUT /api/v1/procedures/{code}': {
      // The record as GET returns it, written back unchanged: allowed callers change nothing.
      const current = await call(server, path);
      assert.equal(current.status, 200, current.text);
      return { path, method, session, body: current.body };
    }
    case 'POST /api/v1/import/agencies':
      return { path, method, session, body: importFiles.agencies };
    case 'POST /api/v1/import/procedures':
      return { path, method, session, body: importFiles.procedures };
    case 'POST /api/v1/import/dossiers':
      // An empty JSON Lines file: allowed callers import nothing, and change nothing.
      return { path, method, session, body: {} };
    case 'GET /api/v1/indicators/766':
      return { path: `${pattern}?agency=H32&period=2025-03`, method, session };
    case 'GET /api/v1/indicators/plan':
      return { path: `${pattern}?agency=H32&year=2025`, method, session };
    case 'GET /api/v1/indicators/766/ranking':
      return { path: `${pattern}?period=2025-03`, method, session };
    case 'GET /api/v1/indicators/766/trend':
      return { path: `${pattern}?agency=H32&year=2025`, method, session };
    case 'GET /api/v1/indicators/766/dossiers':
      return { path: `${pattern}?agency=${variant === 'other_agency' ? OTHER_WARD : WARD}&period=2025-03&metric=PROGRESS_ON_TIME`, method, session };
    case 'GET /api/v1/payments/daybook':
      return { path: `${pattern}?agency=${variant === 'other_agency' ? OTHER_WARD : WARD}`, method, session };
    case 'POST /api/v1/payments/daybook/closings':
      // A day of its own for every cell: a day's book is closed once.
      return {
        path, method, session,
        body: { agency: variant === 'other_agency' ? OTHER_WARD : WARD, date: nextClosingDay(), cash_counted_vnd: 0 },
      };
    case 'GET /api/v1/payments/reconciliation':
      return { path: `${pattern}?gateway=vnpay&date=2026-01-05`, method, session };
    case 'GET /api/v1/payments/{id}/receipts': {
      const applicant = role === 'citizen' || role === 'organisation';
      const owner = variant === 'own' ? (applicant ? (await sessionOf(role))! : (await sessionOf('citizen'))!) : await otherApplicantSession();
      const id = await paymentFixture(owner, variant === 'other_agency' ? OTHER_WARD : WARD_CENTRE);
      return { path: pattern.replace('{id}', String(id)), method, session };
    }
    case 'POST /api/v1/payments/{id}/refunds': {
      const id = await paymentFixture(await otherApplicantSession(), variant === 'other_agency' ? OTHER_WARD : WARD_CENTRE);
      return { path: pattern.replace('{id}', String(id)), method, session, body: { reason: 'Bảng phân quyền: hoàn trả thử' } };
    }
    case 'GET /api/v1/results/{id}/verification':
      return { path: pattern.replace('{id}', await sharedResult()), method, session };
    case 'POST /api/v1/results/{id}/verification':
      // Any bytes are checked (this is no PDF: 200 with the reason), by anyone.
      return { path: pattern.replace('{id}', await sharedResult()), method, session, body: MATRIX_PDF, headers: { 'content-type': 'application/pdf' } };
    case 'POST /api/v1/results/{id}/revocation':
      // A result of its own for every cell: a result is revoked once.
      return { path: pattern.replace('{id}', await resultFixture()), method, session, body: { reason: 'Bảng phân quyền: thu hồi thử' } };
    case 'GET /api/v1/sync/reconciliation': case 'GET /api/v1/sync/reconciliation/gaps':
      return { path: `${pattern}?agency=${variant === 'other_agency' ? OTHER_WARD : WARD}&period=2025-03`, method, session };
    case 'GET /api/v1/reports/monthly':
      return { path: `${pattern}?agency=${variant === 'other_agency' ? OTHER_WARD : WARD}&month=2025-03`, method, session };
    case 'GET /api/v1/reports/public':
      return { path: `${pattern}?month=2025-03`, method, session };
    case 'GET /api/v1/calendar/{year}':
      return { path: pattern.replace('{year}', '2026'), method, session };
    case 'GET /api/v1/calendar/due':
      return { path: `${pattern}?start=2026-08-28T10:00:00%2B07:00&amount=2&unit=working_days`, method, session };
    case 'GET /api/v1/calendar/overrides':
      return { path: `${pattern}?year=2026`, method, session };
    case 'PUT /api/v1/calendar/overrides/{date}':
      return { path: pattern.replace('{date}', '2030-01-07'), method, session, body: CALENDAR_DECISION };
    case 'DELETE /api/v1/calendar/overrides/{date}': {
      // A recorded decision to delete (else the admin's call would be a 404), recorded as the admin.
      const dated = pattern.replace('{date}', '2030-01-08');
      const recorded = await call(server, dated, { method: 'PUT', session: await sessionOf('province_admin'), body: CALENDAR_DECISION });
      assert.equal(recorded.status, 200, recorded.text);
      return { path: dated, method, session };
    }
    default:
      throw new Error(`authorization_matrix.test.ts has no request recipe for ${route}: add one`);
  }
}

// Dossier fixtures: a fresh dossier per cell, so that an allowed action changes nothing another
// cell relies on. Thông báo tổ chức lễ hội cấp xã: commune level, citizens and organisations, online,
// steps clerk → specialist → head → clerk.
const MATRIX_PROCEDURE = '1.001809.000.00.00.H32';
/** Đăng ký lại khai sinh: a commune procedure with a 5,000 đồng fee, for the cashier's payment. */
const FEE_PROCEDURE = '1.004884.000.00.00.H32';
const FEE_PROCEDURE_TOTAL = 5000;
/** Cấp bản sao trích lục hộ tịch: citizens and organisations, online, a cashier's step second. */
const PAID_PROCEDURE = '2.000635.000.00.00.H32';
type DossierStage = 'submitted' | 'received' | 'specialist' | 'head';
let otherApplicant: Session | undefined;
let otherWardClerk: Session | undefined;

async function stepOk(session: Session, code: string, action: string, fields: Record<string, unknown> = {}): Promise<void> {
  const answer = await call(server, `/api/v1/dossiers/${code}/actions`, { session, body: { action, ...fields } });
  assert.equal(answer.status, 200, `fixture ${action} on ${code} as ${session.login}: ${answer.text}`);
}

/** A new dossier of `owner` received at `agency`, moved to `stage`. */
async function dossierFixture(owner: Session, agency: string, stage: DossierStage, procedure = MATRIX_PROCEDURE): Promise<string> {
  const answer = await call(server, '/api/v1/dossiers', { session: owner, body: { procedure, agency } });
  assert.equal(answer.status, 201, `fixture dossier: ${answer.text}`);
  const code: string = answer.body.code;
  const desk = agency === OTHER_WARD ? (otherWardClerk ??= await login(server, OTHER_WARD_CLERK)) : (await sessionOf('clerk'))!;
  if (stage !== 'submitted') {
    await stepOk(desk, code, 'accept');
  }
  if (stage === 'specialist' || stage === 'head') {
    await stepOk(desk, code, 'forward');
  }
  if (stage === 'head') {
    await stepOk((await sessionOf('specialist'))!, code, 'forward');
  }
  return code;
}

/** The phí of `owner`'s new dossier received at `agency` (a copy of an extract: citizens and
 * organisations), paid in cash at its desk; returns the payment's ledger id. */
async function paymentFixture(owner: Session, agency: string): Promise<number> {
  const code = await dossierFixture(owner, agency, 'received', PAID_PROCEDURE);
  const desk = agency === OTHER_WARD ? (otherWardClerk ??= await login(server, OTHER_WARD_CLERK)) : (await sessionOf('cashier'))!;
  await stepOk(desk, code, 'pay', { channel: 'desk', amount: 8000 });
  const listed = await call(server, `/api/v1/dossiers/${code}/payments`, { session: desk });
  assert.equal(listed.status, 200, listed.text);
  return listed.body.entries[0].id;
}

/** A signed electronic result of another applicant's dossier at the demo ward: accepted,
 * processed and approved, then finished with result_kind=electronic; returns its public id. */
async function resultFixture(): Promise<string> {
  const code = await dossierFixture(await otherApplicantSession(), WARD_CENTRE, 'head');
  await stepOk((await sessionOf('head'))!, code, 'approve');
  await stepOk((await sessionOf('clerk'))!, code, 'finish', { result_kind: 'electronic' });
  const listed = await call(server, `/api/v1/dossiers/${code}/results`, { session: (await sessionOf('clerk'))! });
  assert.equal(listed.status, 200, listed.text);
  return listed.body.results[0].id;
}

let shared: Promise<string> | undefined;
const sharedResult = () => (shared ??= resultFixture());

let closingDays = 0;
/** A past day no cell has closed yet. */
function nextClosingDay(): string {
  const day = new Date(Date.UTC(2025, 0, 1) + closingDays++ * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** A small one-page PDF (it passes the upload rules) for the file routes. */
const MATRIX_PDF = scanPdf('authorization matrix').toString('latin1');

/** A multipart/form-data body with a `component` field (unless null) and one `file` part (text
 * content, so the body can travel as a string through call()). */
function multipartUpload(component: string | null, content: string): { body: string; contentType: string } {
  const boundary = 'mx-boundary-7f3a';
  const body = [
    ...(component === null ? [] : [`--${boundary}`, 'Content-Disposition: form-data; name="component"', '', component]),
    `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="matrix.pdf"', 'Content-Type: application/pdf', '', content,
    `--${boundary}--`, '',
  ].join('\r\n');
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A citizen other than the demo applicants, created on first use. */
/** The desk of the dossier's agency scans TP1 of dossier `code`: the scan is deposited in the
 * applicant's data store; its holder finds the document's id. */
async function storedScanFixture(code: string, variant: Variant): Promise<{ id: number; sha256: string }> {
  const desk = variant === 'other_agency' ? (otherWardClerk ??= await login(server, OTHER_WARD_CLERK)) : (await sessionOf('clerk'))!;
  const upload = multipartUpload('TP1', MATRIX_PDF);
  const stored = await call(server, `/api/v1/dossiers/${code}/files`, { session: desk, body: upload.body, headers: { 'content-type': upload.contentType } });
  assert.equal(stored.status, 201, `fixture upload on ${code}: ${stored.text}`);
  const owners = [await otherApplicantSession(), (await sessionOf('citizen'))!, (await sessionOf('organisation'))!];
  for (const owner of owners) {
    const mine = await call(server, '/api/v1/me/documents', { session: owner });
    assert.equal(mine.status, 200, mine.text);
    const found = mine.body.items.find((d: { source: { dossier_code: string } }) => d.source.dossier_code === code);
    if (found) return { id: found.id, sha256: found.files[0].sha256 };
  }
  throw new Error(`no stored scan of dossier ${code}`);
}

async function otherApplicantSession(): Promise<Session> {
  if (!otherApplicant) {
    const admin = (await sessionOf('province_admin'))!;
    await createCitizen(server, admin, '079300000001', THROWAWAY_PASSWORD, 'Người nộp khác');
    otherApplicant = await login(server, '079300000001', THROWAWAY_PASSWORD);
  }
  return otherApplicant;
}

/** The dossier a dossier-route cell targets and the action the role tries on it (see the
 * matrix's comment on dossier variants). `received`: a received dossier where the variant would
 * give a submitted one (the routes that need a dossier past reception: forms, downloads, the desk's
 * uploads). */
async function dossierTarget(role: RoleName, variant: Variant, received = false): Promise<{ code: string; action: string; fields?: Record<string, unknown> }> {
  const other = await otherApplicantSession();
  const agency = variant === 'other_agency' ? OTHER_WARD : WARD_CENTRE;
  if (role === 'anonymous' || role === 'citizen' || role === 'organisation') {
    const owner = role === 'anonymous' ? (await sessionOf('citizen'))! : variant === 'own' ? (await sessionOf(role))! : other;
    return { code: await dossierFixture(owner, agency, received ? 'received' : 'submitted'), action: 'withdraw' };
  }
  const own: Record<string, [DossierStage, string, Record<string, unknown>?]> = {
    clerk: ['submitted', 'accept'],
    specialist: ['specialist', 'forward'],
    head: ['head', 'approve'],
    cashier: ['received', 'pay', { channel: 'desk', amount: FEE_PROCEDURE_TOTAL }],
  };
  const [stage, action, fields] = variant === 'in_subtree'
    ? (role === 'clerk' ? ['specialist', 'forward'] : ['received', 'forward'])
    : variant === 'other_agency' && role !== 'clerk' && role !== 'cashier' ? ['received', 'forward']
    : own[role] ?? ['received', 'forward'];
  const fixtureStage = received && stage === 'submitted' ? 'received' : stage as DossierStage;
  // A payment needs a fee that is due: the cashier pays on a procedure that charges one.
  const procedure = action === 'pay' ? FEE_PROCEDURE : MATRIX_PROCEDURE;
  return { code: await dossierFixture(other, agency, fixtureStage, procedure), action: action as string, fields };
}

function matches(expected: Outcome, status: number): boolean {
  return expected === 'allow' ? status >= 200 && status < 300 : status === expected;
}

describe('the authorization matrix', () => {
  test('names every route of `motcua routes`', () => {
    assert.ok(serverRoutes.length >= 20, `too few routes: ${serverRoutes}`);
    const missing = serverRoutes.filter((route) => !(route in matrix.routes));
    assert.deepEqual(missing, [], `routes without an entry in authorization_matrix.json: ${missing.join(', ')}`);
  });

  test('names no route that the server no longer has', () => {
    const gone = Object.keys(matrix.routes).filter((route) => !serverRoutes.includes(route));
    assert.deepEqual(gone, [], `entries of authorization_matrix.json for routes that do not exist: ${gone.join(', ')}`);
  });

  test('gives an outcome for every role in every variant of every route', () => {
    const holes: string[] = [];
    for (const [route, entry] of Object.entries(matrix.routes)) {
      assert.equal(typeof entry.permission, 'string', `${route}: no permission note`);
      const variants = variantsOf(route);
      assert.ok(variants.length > 0, `${route}: no variant`);
      for (const key of Object.keys(entry)) {
        assert.ok(key === 'permission' || (VARIANTS as string[]).includes(key), `${route}: unknown variant ${key}`);
      }
      for (const variant of variants) {
        for (const role of ROLES) {
          const outcome = entry[variant]![role];
          if (!['allow', 401, 403, 404].includes(outcome as Outcome)) {
            holes.push(`${route} [${variant}] ${role}: ${outcome}`);
          }
        }
      }
    }
    for (const deviation of matrix.known_deviations) {
      assert.ok(matrix.routes[deviation.route]?.[deviation.variant]?.[deviation.role] !== undefined,
        `known deviation for a cell the matrix lacks: ${JSON.stringify(deviation)}`);
    }
    assert.deepEqual(holes, []);
  });

  for (const route of Object.keys(matrix.routes)) {
    test(`${route}: every role and scope gets the expected answer`, async () => {
      const failures: string[] = [];
      for (const variant of variantsOf(route)) {
        for (const role of ROLES) {
          const expected = matrix.routes[route]![variant]![role];
          const plan = await planFor(route, role, variant);
          const answer = await call(server, plan.path, plan);
          if (plan.endsSessions) {
            sessions.delete(role);
          }
          const where = `${route} [${variant}] as ${role}: ${answer.status} ${answer.text.slice(0, 200)}`;
          const deviation = deviationOf(route, variant, role);
          if (deviation) {
            deviationAnswers.set(deviation, answer.status);
            if (matches(expected, answer.status)) {
              failures.push(`${where}\n  now answers as the matrix expects: remove it from known_deviations`);
            } else if (answer.status !== deviation.server_answers) {
              failures.push(`${where}\n  known deviation, but the server answered neither ${expected} nor ${deviation.server_answers}`);
            }
            continue;
          }
          if (!matches(expected, answer.status)) {
            failures.push(`${where}\n  expected ${expected}`);
          } else if (expected !== 'allow') {
            const codes = REFUSAL_CODES[expected]!;
            if (!codes.includes(answer.body?.code)) {
              failures.push(`${where}\n  expected a problem code among ${codes.join(', ')}`);
            }
          }
        }
      }
      assert.deepEqual(failures, [], failures.join('\n'));
    });
  }

  for (const deviation of matrix.known_deviations) {
    const expected = matrix.routes[deviation.route]![deviation.variant]![deviation.role];
    test(`known server bug: ${deviation.route} [${deviation.variant}] as ${deviation.role} should be ${expected}`,
      { todo: deviation.bug }, () => {
        const status = deviationAnswers.get(deviation);
        assert.ok(status !== undefined, 'the cell was not exercised');
        assert.ok(matches(expected, status), `the server answers ${status}: ${deviation.bug}`);
      });
  }
});
