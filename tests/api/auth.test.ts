// Sign-in and sessions: Bearer and cookie logins, /me, CSRF, same-origin policy, cookie flags,
// logout, expiry, password changes, disabled accounts, login throttling, read-only auditors, ward
// scopes, the audit log API, and the default password hash.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTempDir, runDemo, startServer, type RunningServer } from './support/server.ts';
import { assertProblem } from './support/http.ts';
import {
  DEMO_LOGINS, DEMO_PASSWORD, FAST_HASHING, OTHER_WARD, OTHER_WARD_CLERK, WARD, WARD_CENTRE, call,
  createOfficer, login, readAudit, runCli, sessionCookie, sql, tryLogin, type Session,
} from './support/auth.ts';

let server: RunningServer;
let admin: Session;
let auditor: Session;
let serial = 0;
const PASSWORD = 'Thu-MatKhau#2026';

/** A fresh officer of the demo ward, created by the province admin (password PASSWORD). */
async function throwaway(prefix: string, roles = [{ role: 'clerk', agency: WARD }]): Promise<any> {
  serial += 1;
  return createOfficer(server, admin, `auth.${prefix}.${serial}`, WARD_CENTRE, roles, PASSWORD);
}

before(async () => {
  server = await startServer({ env: FAST_HASHING, demoEnv: FAST_HASHING });
  admin = await login(server, DEMO_LOGINS.province_admin);
  auditor = await login(server, DEMO_LOGINS.auditor);
});
after(async () => {
  await server?.close();
});

describe('signing in', () => {
  test('a Bearer login returns a token that authenticates /me', async () => {
    const session = await login(server, DEMO_LOGINS.clerk);
    assert.equal(session.answer.body.token_type, 'Bearer');
    assert.ok(session.token.length >= 40, session.token);
    assert.equal(session.answer.body.csrf_token, undefined);
    assert.deepEqual(session.answer.headers.getSetCookie(), [], 'a Bearer login sets no cookie');
    assert.ok(Date.parse(session.answer.body.expires_at) > Date.now());
    assert.equal(session.answer.body.account.password_hash, undefined);
    const me = await call(server, '/api/v1/me', { session });
    assert.equal(me.status, 200, me.text);
    assert.equal(me.body.login, DEMO_LOGINS.clerk);
    assert.deepEqual(me.body.roles, [{ role: 'clerk', agency: WARD }]);
    assert.equal(me.headers.get('cache-control'), 'no-store');
  });

  test('a cookie login sets an HttpOnly, SameSite=Strict cookie and returns a CSRF token', async () => {
    const answer = await tryLogin(server, DEMO_LOGINS.head, DEMO_PASSWORD, 'cookie');
    assert.equal(answer.status, 200, answer.text);
    const [cookie] = answer.headers.getSetCookie();
    assert.ok(cookie, 'no Set-Cookie');
    assert.match(cookie, /^motcua_session=[A-Za-z0-9_-]{40,};/);
    const attributes = cookie.split(';').slice(1).map((part) => part.trim().toLowerCase());
    assert.ok(attributes.includes('httponly'), cookie);
    assert.ok(attributes.includes('samesite=strict'), cookie);
    assert.ok(attributes.includes('path=/'), cookie);
    assert.ok(attributes.some((a) => /^max-age=\d+$/.test(a)), cookie);
    assert.ok(!attributes.includes('secure'), 'Secure only with cookie_secure=true');
    assert.equal(answer.body.token, undefined, 'the session token is only in the cookie');
    assert.ok(answer.body.csrf_token.length >= 40);
    const me = await call(server, '/api/v1/me', { headers: { cookie: `motcua_session=${sessionCookie(answer.headers)}` } });
    assert.equal(me.status, 200, me.text);
    assert.equal(me.body.login, DEMO_LOGINS.head);
  });

  test('wrong password, unknown login: the same 401 invalid_credentials', async () => {
    assertProblem(await tryLogin(server, DEMO_LOGINS.cashier, 'Sai-MatKhau#1'), 401, 'invalid_credentials');
    assertProblem(await tryLogin(server, 'khong.ton.tai', 'Sai-MatKhau#1'), 401, 'invalid_credentials');
  });

  test('a malformed login is a 400', async () => {
    const noPassword = await call(server, '/api/v1/auth/login', { body: { login: DEMO_LOGINS.clerk } });
    assertProblem(noPassword, 400, 'invalid_parameter', 'password');
    const badKind = await call(server, '/api/v1/auth/login', { body: { login: DEMO_LOGINS.clerk, password: DEMO_PASSWORD, session: 'jwt' } });
    assertProblem(badKind, 400, 'invalid_parameter', 'session');
  });

  test('/me without a session is 401 authentication_required; with a forged token 401 session_invalid', async () => {
    assertProblem(await call(server, '/api/v1/me'), 401, 'authentication_required');
    assertProblem(await call(server, '/api/v1/me', { headers: { authorization: 'Bearer not-a-real-token' } }), 401, 'session_invalid');
  });
});

describe('CSRF and same-origin policy', () => {
  const newAccount = (suffix: string) => ({
    kind: 'officer', login: `auth.csrf.${suffix}`, name: 'Thử CSRF', agency_code: WARD_CENTRE, password: PASSWORD,
  });

  test('a cookie session POST needs the right X-CSRF-Token', async () => {
    const session = await login(server, DEMO_LOGINS.province_admin, DEMO_PASSWORD, 'cookie');
    const missing = await call(server, '/api/v1/accounts', { session, csrf: null, body: newAccount('a') });
    assertProblem(missing, 403, 'csrf_failed');
    const wrong = await call(server, '/api/v1/accounts', { session, csrf: 'x'.repeat(43), body: newAccount('a') });
    assertProblem(wrong, 403, 'csrf_failed');
    const otherSessions = await login(server, DEMO_LOGINS.province_admin, DEMO_PASSWORD, 'cookie');
    const foreign = await call(server, '/api/v1/accounts', { session, csrf: otherSessions.csrf, body: newAccount('a') });
    assertProblem(foreign, 403, 'csrf_failed');
    const right = await call(server, '/api/v1/accounts', { session, body: newAccount('a') });
    assert.equal(right.status, 201, right.text);
    // Reads need no CSRF token.
    const read = await call(server, `/api/v1/accounts/${right.body.account.id}`, { session, csrf: null });
    assert.equal(read.status, 200, read.text);
  });

  test('a Bearer session needs no CSRF token', async () => {
    const created = await call(server, '/api/v1/accounts', { session: admin, body: newAccount('b') });
    assert.equal(created.status, 201, created.text);
  });

  test('an unsafe request from another origin is refused, signed in or not', async () => {
    const evil = { origin: 'http://evil.example' };
    assertProblem(await call(server, '/api/v1/accounts', { session: admin, headers: evil, body: newAccount('c') }), 403, 'cross_origin_refused');
    const cookie = await login(server, DEMO_LOGINS.province_admin, DEMO_PASSWORD, 'cookie');
    assertProblem(await call(server, '/api/v1/accounts', { session: cookie, headers: evil, body: newAccount('c') }), 403, 'cross_origin_refused');
    const signIn = await tryLogin(server, DEMO_LOGINS.clerk, DEMO_PASSWORD, 'bearer', evil);
    assertProblem(signIn, 403, 'cross_origin_refused');
    // The same origin is fine, over http or https (behind a proxy).
    for (const origin of [`http://${server.host}:${server.port}`, `https://${server.host}:${server.port}`]) {
      const same = await tryLogin(server, DEMO_LOGINS.clerk, DEMO_PASSWORD, 'bearer', { origin });
      assert.equal(same.status, 200, `${origin}: ${same.text}`);
    }
    // Safe methods are not refused (nothing changes).
    const read = await call(server, '/api/v1/me', { session: admin, headers: evil });
    assert.equal(read.status, 200, read.text);
  });
});

describe('the end of a session', () => {
  test('logout revokes a Bearer token: later use is 401 session_invalid', async () => {
    const session = await login(server, DEMO_LOGINS.specialist);
    const out = await call(server, '/api/v1/auth/logout', { method: 'POST', session });
    assert.equal(out.status, 204, out.text);
    assertProblem(await call(server, '/api/v1/me', { session }), 401, 'session_invalid');
    assertProblem(await call(server, '/api/v1/auth/logout', { method: 'POST', session }), 401, 'session_invalid');
  });

  test('logout of a cookie session clears the cookie; the stale cookie browses as the public', async () => {
    const session = await login(server, DEMO_LOGINS.specialist, DEMO_PASSWORD, 'cookie');
    const out = await call(server, '/api/v1/auth/logout', { method: 'POST', session });
    assert.equal(out.status, 204, out.text);
    assert.match(out.headers.getSetCookie()[0] ?? '', /^motcua_session=;.*Max-Age=0/i);
    assertProblem(await call(server, '/api/v1/me', { session }), 401, 'authentication_required');
    // The public catalogue stays readable with the stale cookie.
    assert.equal((await call(server, '/api/v1/fields', { session })).status, 200);
  });

  test('changing one\'s password ends the other sessions but not the current one', async () => {
    const account = await throwaway('pw');
    const current = await login(server, account.login, PASSWORD);
    const other = await login(server, account.login, PASSWORD);
    const otherCookie = await login(server, account.login, PASSWORD, 'cookie');
    const weak = await call(server, '/api/v1/me/password', { session: current, body: { current_password: PASSWORD, new_password: 'abc' } });
    assertProblem(weak, 400, 'weak_password', 'password');
    const wrong = await call(server, '/api/v1/me/password', { session: current, body: { current_password: 'Sai-MatKhau#9', new_password: 'Moi-MatKhau#2026' } });
    assertProblem(wrong, 400, 'wrong_current_password', 'current_password');
    const changed = await call(server, '/api/v1/me/password', { session: current, body: { current_password: PASSWORD, new_password: 'Moi-MatKhau#2026' } });
    assert.equal(changed.status, 204, changed.text);
    assert.equal((await call(server, '/api/v1/me', { session: current })).status, 200);
    assertProblem(await call(server, '/api/v1/me', { session: other }), 401, 'session_invalid');
    assertProblem(await call(server, '/api/v1/me', { session: otherCookie }), 401, 'authentication_required');
    assertProblem(await tryLogin(server, account.login, PASSWORD), 401, 'invalid_credentials');
    await login(server, account.login, 'Moi-MatKhau#2026');
  });

  test('an administrator\'s password reset ends every session of the account', async () => {
    const account = await throwaway('reset');
    const session = await login(server, account.login, PASSWORD);
    const reset = await call(server, `/api/v1/accounts/${account.id}/password`, { session: admin, body: {} });
    assert.equal(reset.status, 200, reset.text);
    assert.equal(typeof reset.body.generated_password, 'string');
    assertProblem(await call(server, '/api/v1/me', { session }), 401, 'session_invalid');
    await login(server, account.login, reset.body.generated_password);
  });

  test('a disabled account cannot sign in and its sessions die; enabling lets it back in', async () => {
    const account = await throwaway('disabled');
    const session = await login(server, account.login, PASSWORD);
    const disabled = await call(server, `/api/v1/accounts/${account.id}/disable`, { method: 'POST', session: admin });
    assert.equal(disabled.status, 200, disabled.text);
    assert.equal(disabled.body.disabled, true);
    assertProblem(await call(server, '/api/v1/me', { session }), 401, 'session_invalid');
    assertProblem(await tryLogin(server, account.login, PASSWORD), 401, 'invalid_credentials');
    const enabled = await call(server, `/api/v1/accounts/${account.id}/enable`, { method: 'POST', session: admin });
    assert.equal(enabled.status, 200, enabled.text);
    assertProblem(await call(server, '/api/v1/me', { session }), 401, 'session_invalid');  // Still dead.
    await login(server, account.login, PASSWORD);
  });

  test('a role taken away no longer acts in a session already open (next request, same process)', async () => {
    const account = await throwaway('revoked');
    const session = await login(server, account.login, PASSWORD);
    // Twice: the second answer comes from the in-memory session cache.
    for (let i = 0; i < 2; i += 1) {
      const inbox = await call(server, '/api/v1/dossiers?limit=1', { session });
      assert.equal(inbox.status, 200, inbox.text);
    }
    const revoked = await call(server, `/api/v1/accounts/${account.id}/roles?role=clerk&agency=${WARD}`, {
      method: 'DELETE', session: admin,
    });
    assert.equal(revoked.status, 200, revoked.text);
    const me = await call(server, '/api/v1/me', { session });
    assert.equal(me.status, 200, me.text);
    assert.deepEqual(me.body.roles, []);
    assertProblem(await call(server, '/api/v1/dossiers?limit=1', { session }), 403, 'forbidden');
  });

  test('an administrator cannot disable or change the roles of their own account', async () => {
    const self = admin.account.id;
    assertProblem(await call(server, `/api/v1/accounts/${self}/disable`, { method: 'POST', session: admin }), 403, 'cannot_change_self');
    assertProblem(await call(server, `/api/v1/accounts/${self}/roles`, { session: admin, body: { role: 'auditor', agency: 'H32' } }), 403, 'cannot_change_self');
  });

  test('an expired token is refused with 401 session_invalid (expiry edited in the database)', async () => {
    const dataDir = makeTempDir();
    runDemo(dataDir, FAST_HASHING);
    const first = await startServer({ dataDir, env: FAST_HASHING });
    const expiring = await login(first, DEMO_LOGINS.clerk);
    const lasting = await login(first, DEMO_LOGINS.head);
    assert.equal(await first.stop(), 0);
    const changed = sql(dataDir, `UPDATE sessions SET expires_at = '2020-01-01T00:00:00Z'
      WHERE account_id = ${expiring.account.id} RETURNING account_id`);
    assert.ok(changed.split('\n').filter(Boolean).length >= 1, changed);
    const second = await startServer({ dataDir, env: FAST_HASHING });
    try {
      assertProblem(await call(second, '/api/v1/me', { session: expiring }), 401, 'session_invalid');
      assert.equal((await call(second, '/api/v1/me', { session: lasting })).status, 200, 'an unexpired token survives a restart');
    } finally {
      await second.close();
      await first.close();
    }
  });
});

describe('separation of duties', () => {
  test('an administrator\'s reset gives a one-time password: nothing but /me, its change and logout until it is changed', async () => {
    const account = await throwaway('onetime');
    const reset = await call(server, `/api/v1/accounts/${account.id}/password`, { session: admin, body: { password: 'Tam-Thoi#2026x' } });
    assert.equal(reset.status, 200, reset.text);
    assert.equal((await call(server, `/api/v1/accounts/${account.id}`, { session: admin })).body.must_change_password, true);
    const session = await login(server, account.login, 'Tam-Thoi#2026x');
    assert.equal(session.account.must_change_password, true);
    for (const path of ['/api/v1/dossiers?limit=1', '/api/v1/procedures?limit=1', '/api/v1/indicators/766?agency=H32&period=2025']) {
      assertProblem(await call(server, path, { session }), 403, 'password_change_required');
    }
    const me = await call(server, '/api/v1/me', { session });
    assert.equal(me.status, 200, me.text);
    assert.equal(me.body.must_change_password, true);
    assert.equal((await call(server, '/healthz', { session })).status, 200);  // Outside the API.
    const changed = await call(server, '/api/v1/me/password', {
      session, body: { current_password: 'Tam-Thoi#2026x', new_password: 'Cua-Rieng#2026y' },
    });
    assert.equal(changed.status, 204, changed.text);
    assert.equal((await call(server, '/api/v1/dossiers?limit=1', { session })).status, 200);
    assert.equal((await call(server, '/api/v1/me', { session })).body.must_change_password, false);
    const audit = await readAudit(server, auditor, `?action=account.reset_password`);
    assert.ok(audit.some((r) => r.target_id === String(account.id) && r.detail?.one_time === true), JSON.stringify(audit.slice(0, 3)));
  });

  test('a ward administrator cannot reset, disable or re-role the ward head; the province administrator can', async () => {
    const ward = await login(server, DEMO_LOGINS.agency_admin);
    const head = await throwaway('head', [{ role: 'head', agency: WARD }]);
    const clerk = await throwaway('clerk');
    for (const [path, body] of [
      [`/api/v1/accounts/${head.id}/password`, {}], [`/api/v1/accounts/${head.id}/disable`, undefined],
      [`/api/v1/accounts/${head.id}/roles`, { role: 'clerk', agency: WARD }],
    ] as const) {
      assertProblem(await call(server, path, { method: 'POST', session: ward, body }), 403, 'account_rights_too_high');
    }
    assert.equal((await call(server, `/api/v1/accounts/${clerk.id}/password`, { session: ward, body: {} })).status, 200);
    assert.equal((await call(server, `/api/v1/accounts/${head.id}/password`, { session: admin, body: {} })).status, 200);
    // One province administrator cannot take over another: that is the console's.
    const peer = await throwaway('peer', [{ role: 'province_admin', agency: 'H32' }]);
    assertProblem(await call(server, `/api/v1/accounts/${peer.id}/password`, { session: admin, body: {} }), 403, 'account_rights_too_high');
    const denied = await readAudit(server, auditor, `?action=account.reset_password`);
    assert.ok(denied.some((r) => r.target_id === String(head.id) && r.outcome === 'denied' && r.detail?.reason === 'rights_too_high'));
  });

  test('the auditor role comes only from the console, and never together with an administrator role', async () => {
    const clerk = await throwaway('auditor');
    assertProblem(await call(server, `/api/v1/accounts/${clerk.id}/roles`, { session: admin, body: { role: 'auditor', agency: 'H32' } }),
      403, 'auditor_console_only', 'role');
    assertProblem(await call(server, '/api/v1/accounts', {
      session: admin,
      body: { kind: 'officer', login: 'auth.new.auditor', name: 'Kiểm tra mới', agency_code: WARD_CENTRE, roles: [{ role: 'auditor', agency: 'H32' }], password: PASSWORD },
    }), 403, 'auditor_console_only', 'role');
    const granted = runCli(server.dataDir, ['user', 'grant', clerk.login, 'auditor@H32']);
    assert.equal(granted.status, 0, granted.stderr);
    const both = runCli(server.dataDir, ['user', 'grant', clerk.login, 'province_admin@H32']);
    assert.notEqual(both.status, 0, both.stdout);
    assert.match(both.stderr, /incompatible_roles|quản trị/);
    const roles = (await call(server, `/api/v1/accounts/${clerk.id}`, { session: admin })).body.roles.map((r: any) => r.role).sort();
    assert.deepEqual(roles, ['auditor', 'clerk']);
  });
});

describe('login throttling', () => {
  test('5 wrong passwords, then 429 with Retry-After even for the right password; then the per-address limit', async () => {
    const throttled = await startServer({ env: FAST_HASHING, demoEnv: FAST_HASHING });
    try {
      const victim = DEMO_LOGINS.cashier;
      for (let i = 0; i < 5; i += 1) {
        assertProblem(await tryLogin(throttled, victim, `Sai-MatKhau#${i}`), 401, 'invalid_credentials');
      }
      for (const password of ['Sai-MatKhau#6', DEMO_PASSWORD]) {
        const refused = await tryLogin(throttled, victim, password);
        assertProblem(refused, 429, 'too_many_attempts');
        const wait = Number(refused.headers.get('retry-after'));
        assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 15 * 60, `Retry-After: ${refused.headers.get('retry-after')}`);
      }
      // Another login from the same address is still fine (5 of the 20 failures per address).
      await login(throttled, DEMO_LOGINS.head);
      // 15 more failures from this address, spread over logins that do not exist (3 each).
      for (let i = 0; i < 15; i += 1) {
        assertProblem(await tryLogin(throttled, `khong.co.${Math.floor(i / 3)}`, 'Sai-MatKhau#x'), 401, 'invalid_credentials');
      }
      const byAddress = await tryLogin(throttled, DEMO_LOGINS.specialist, DEMO_PASSWORD);
      assertProblem(byAddress, 429, 'too_many_attempts');
      assert.ok(Number(byAddress.headers.get('retry-after')) >= 1);
      // Without trusted_proxies, X-Forwarded-For is not believed: still the same address.
      assertProblem(await tryLogin(throttled, DEMO_LOGINS.specialist, DEMO_PASSWORD, 'bearer',
        { 'x-forwarded-for': '198.51.100.7' }), 429, 'too_many_attempts');
    } finally {
      await throttled.close();
    }
  });

  test('behind a trusted proxy each client has its own address: one blocked client does not block the others', async () => {
    const proxied = await startServer({
      env: { ...FAST_HASHING, MOTCUA_TRUSTED_PROXIES: '127.0.0.1,::1' }, demoEnv: FAST_HASHING,
    });
    try {
      // nginx appends the address it saw; what the client wrote on its left is not believed.
      const from = (client: string) => ({ 'x-forwarded-for': `10.0.0.99, ${client}` });
      for (let i = 0; i < 20; i += 1) {
        assertProblem(await tryLogin(proxied, `khong.co.${Math.floor(i / 3)}`, 'Sai-MatKhau#x', 'bearer',
          from('198.51.100.7')), 401, 'invalid_credentials');
      }
      assertProblem(await tryLogin(proxied, DEMO_LOGINS.specialist, DEMO_PASSWORD, 'bearer', from('198.51.100.7')),
        429, 'too_many_attempts');
      // Another client behind the same nginx signs in.
      const other = await tryLogin(proxied, DEMO_LOGINS.specialist, DEMO_PASSWORD, 'bearer', from('203.0.113.20'));
      assert.equal(other.status, 200, other.text);
      // The audit log records the client's address, not the proxy's.
      const reader = await login(proxied, DEMO_LOGINS.auditor, DEMO_PASSWORD);
      const records = await readAudit(proxied, reader, 'action=auth.login');
      const addresses = new Set(records.map((r) => r.remote_address));
      assert.ok(addresses.has('198.51.100.7') && addresses.has('203.0.113.20'), [...addresses].join(','));
      assert.ok(!addresses.has('10.0.0.99'), 'an address the client wrote was believed');
    } finally {
      await proxied.close();
    }
  });
});

describe('roles and scopes', () => {
  test('an auditor cannot write: account creation and imports are 403', async () => {
    const create = await call(server, '/api/v1/accounts', {
      session: auditor, body: { kind: 'officer', login: 'auth.auditor.try', name: 'Không được', agency_code: WARD_CENTRE },
    });
    assertProblem(create, 403, 'forbidden');
    for (const what of ['agencies', 'procedures']) {
      assertProblem(await call(server, `/api/v1/import/${what}`, { session: auditor, body: { [what]: [] } }), 403, 'forbidden');
    }
    assertProblem(await call(server, `/api/v1/accounts/${admin.account.id}/disable`, { method: 'POST', session: auditor }), 404, 'account_not_found');
  });

  test('a ward clerk cannot read the accounts of another ward, nor list accounts', async () => {
    const otherClerk = await login(server, OTHER_WARD_CLERK);
    const clerk = await login(server, DEMO_LOGINS.clerk);
    assertProblem(await call(server, `/api/v1/accounts/${clerk.account.id}`, { session: otherClerk }), 404, 'account_not_found');
    assertProblem(await call(server, '/api/v1/accounts', { session: otherClerk }), 403, 'forbidden');
    // The agency admin of Bắc Nha Trang sees its own ward's officers only.
    const wardAdmin = await login(server, DEMO_LOGINS.agency_admin);
    assertProblem(await call(server, `/api/v1/accounts/${otherClerk.account.id}`, { session: wardAdmin }), 404, 'account_not_found');
    assert.equal((await call(server, `/api/v1/accounts/${clerk.account.id}`, { session: wardAdmin })).status, 200);
    const listed = await call(server, '/api/v1/accounts?limit=200', { session: wardAdmin });
    assert.equal(listed.status, 200, listed.text);
    const agencies = new Set(listed.body.items.map((a: any) => a.agency_code));
    assert.ok(listed.body.items.length >= 5);
    for (const agency of agencies) {
      assert.ok(agency === WARD || String(agency).startsWith(`${WARD}.`), `outside the ward: ${agency}`);
    }
    const filtered = await call(server, `/api/v1/accounts?agency=${OTHER_WARD}`, { session: wardAdmin });
    assert.equal(filtered.status, 200, filtered.text);
    assert.deepEqual(filtered.body.items, []);
    // Nor may it create an officer in, or grant a role over, another ward.
    const outside = await call(server, '/api/v1/accounts', {
      session: wardAdmin, body: { kind: 'officer', login: 'auth.outside', name: 'Ngoài phạm vi', agency_code: OTHER_WARD },
    });
    assertProblem(outside, 403, 'forbidden');
    const account = await throwaway('grant', []);
    const grant = await call(server, `/api/v1/accounts/${account.id}/roles`, { session: wardAdmin, body: { role: 'clerk', agency: OTHER_WARD } });
    assertProblem(grant, 403, 'forbidden');
    const provinceWide = await call(server, `/api/v1/accounts/${account.id}/roles`, { session: wardAdmin, body: { role: 'province_admin', agency: WARD } });
    assertProblem(provinceWide, 403, 'forbidden');
    const inside = await call(server, `/api/v1/accounts/${account.id}/roles`, { session: wardAdmin, body: { role: 'head', agency: WARD } });
    assert.equal(inside.status, 200, inside.text);
    assert.deepEqual(inside.body.roles, [{ role: 'head', agency: WARD }]);
  });

  test('a citizen reads their own account only', async () => {
    const citizen = await login(server, DEMO_LOGINS.citizen);
    assert.equal((await call(server, `/api/v1/accounts/${citizen.account.id}`, { session: citizen })).status, 200);
    const organisation = await login(server, DEMO_LOGINS.organisation);
    assertProblem(await call(server, `/api/v1/accounts/${organisation.account.id}`, { session: citizen }), 404, 'account_not_found');
  });
});

describe('the audit log API', () => {
  test('lists login attempts, denied actions and account changes', async () => {
    const account = await throwaway('audited');
    await tryLogin(server, account.login, 'Sai-MatKhau#audit');
    await login(server, account.login, PASSWORD);
    const clerk = await login(server, DEMO_LOGINS.clerk);
    await call(server, `/api/v1/accounts/${account.id}`, { session: clerk });  // Denied (404).
    await call(server, `/api/v1/accounts/${account.id}/disable`, { method: 'POST', session: admin });
    const records = await readAudit(server, auditor);
    const find = (predicate: (r: any) => boolean, what: string) => {
      const found = records.find(predicate);
      assert.ok(found, `no audit record of ${what}`);
      return found;
    };
    find((r) => r.action === 'auth.login' && r.outcome === 'failed' && r.target_id === account.login
      && r.detail.reason === 'wrong_password', 'the failed login');
    find((r) => r.action === 'auth.login' && r.outcome === 'ok' && r.actor_login === account.login, 'the login');
    find((r) => r.action === 'account.read' && r.outcome === 'denied' && r.actor_login === DEMO_LOGINS.clerk
      && r.target_id === String(account.id), 'the denied read');
    find((r) => r.action === 'account.create' && r.outcome === 'ok' && r.target_id === String(account.id)
      && r.actor_login === DEMO_LOGINS.province_admin, 'the creation');
    find((r) => r.action === 'account.disable' && r.outcome === 'ok' && r.target_id === String(account.id), 'the disabling');
    const seqs = records.map((r) => r.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => b - a), 'newest first');
    // Filters.
    const logins = await readAudit(server, auditor, `action=auth.&actor=${clerk.account.id}`);
    assert.ok(logins.length >= 1);
    assert.ok(logins.every((r) => r.action.startsWith('auth.') && r.actor_id === clerk.account.id));
    const page = await call(server, '/api/v1/audit?limit=2', { session: auditor });
    assert.equal(page.body.items.length, 2);
    const next = await call(server, `/api/v1/audit?limit=2&cursor=${page.body.next_cursor}`, { session: auditor });
    assert.ok(next.body.items[0].seq < page.body.items[1].seq);
    assertProblem(await call(server, '/api/v1/audit?from=yesterday', { session: auditor }), 400, 'invalid_parameter', 'from');
  });

  test('accepts a time with a +07:00 offset in from/to', async () => {
    const answer = await call(server, `/api/v1/audit?${new URLSearchParams({ from: '2020-01-01T07:00:00+07:00' })}`, { session: auditor });
    assert.equal(answer.status, 200, answer.text);
  });

  test('offers no write methods: POST, PUT, PATCH, DELETE are 405', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const answer = await call(server, '/api/v1/audit', { method, session: auditor, body: method === 'DELETE' ? undefined : {} });
      assertProblem(answer, 405, 'method_not_allowed');
      assert.equal(answer.headers.get('allow'), 'GET, HEAD');
    }
  });

  test('the province admin (no read_audit_log) cannot read it', async () => {
    assertProblem(await call(server, '/api/v1/audit', { session: admin }), 403, 'forbidden');
    assertProblem(await call(server, '/api/v1/audit'), 401, 'authentication_required');
  });
});

describe('password hashing', () => {
  test('by default (interactive cost) passwords are stored as argon2id hashes', async () => {
    const dataDir = makeTempDir();
    runDemo(dataDir);  // The default cost: what production uses.
    const hashes = sql(dataDir, 'SELECT password_hash FROM accounts').split('\n');
    assert.ok(hashes.length >= 11);
    for (const hash of hashes) {
      assert.match(hash, /^\$argon2id\$v=19\$m=65536,t=2,p=1\$/, hash);
    }
    // And a server with the default cost accepts them.
    const interactive = await startServer({ dataDir });
    try {
      await login(interactive, DEMO_LOGINS.clerk);
    } finally {
      await interactive.close();
    }
  });
});
