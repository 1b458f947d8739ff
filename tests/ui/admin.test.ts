// Browser tests of the administration screens: the province administrator's walk through
// agencies, procedures, the working calendar and accounts (desktop), the same screens at 360 px,
// and an agency administrator who only manages accounts. Real motcua binary, built web/dist;
// axe-core on every screen.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { CHROMIUM, WEB_DIST, launch, shot } from './support/browser.ts';
import { Checker, signIn, signOut } from './support/flow.ts';
import {
  PROVINCE_ADMIN,
  WARD_ADMIN,
  accounts,
  addAgency,
  addOverride,
  adminNav,
  agencies,
  calendar,
  editProcedure,
  openProcedure,
  openSection,
} from './support/admin.ts';

describe('MotCua administration screens', () => {
  let server: RunningServer;

  before(async () => {
    assert.ok(existsSync(join(WEB_DIST, 'index.html')), `build the web app first: ${WEB_DIST}/index.html is missing`);
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install -y chromium)`);
    server = await startServer({
      env: { MOTCUA_WEB_ROOT: WEB_DIST },
      demoEnv: { MOTCUA_PASSWORD_HASH_COST: 'minimum' },
    });
  });
  after(async () => {
    await server?.close();
  });

  test('province administrator: agencies, procedures, calendar, accounts (desktop)', async () => {
    const b = await launch({ width: 1280, height: 900 });
    const page = b.page;
    const c = new Checker(page, 'admin-desktop');
    try {
      await signIn(page, server.url, PROVINCE_ADMIN);
      await page.waitForURL(/\/quan-tri$/);
      await page.getByRole('heading', { level: 1, name: 'Quản trị hệ thống' }).waitFor();
      const main = page.getByRole('navigation', { name: 'Điều hướng chính' });
      assert.equal(await main.getByRole('link', { name: 'Quản trị' }).getAttribute('aria-current'), 'page');
      assert.equal(await adminNav(page).getByRole('link').count(), 5);
      await c.check('home');

      await agencies(page, c);
      await addAgency(page, c, 'H32.22333.09');
      await editProcedure(page, server.url, c, 'Cấp giấy xác nhận tình trạng hôn nhân (trực tuyến)');
      await calendar(page, c);
      const oneTime = await accounts(page, c, 'thu.nghiem.qt');

      // The same screen in English.
      await page.getByRole('button', { name: 'EN' }).click();
      await page.getByRole('heading', { level: 1, name: 'Accounts and roles' }).waitFor();
      await c.check('accounts-en');
      await page.getByRole('button', { name: 'VI' }).click();

      // The reset password is one-time: signed in with it, the officer sees only the password page
      // until they choose their own, whatever address they open.
      await signOut(page);
      await signIn(page, server.url, 'thu.nghiem.qt', '/can-bo/ho-so', oneTime);
      await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
      await page.getByText('Mật khẩu của bạn do quản trị viên đặt lại').waitFor();
      await c.check('password-forced');
      await page.getByLabel(/^Mật khẩu hiện tại/).fill(oneTime);
      await page.getByLabel(/^Mật khẩu mới/).fill('Rieng-Cua-Toi#2026');
      await page.getByLabel(/^Nhập lại mật khẩu mới/).fill('Rieng-Cua-Toi#2026');
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ cần xử lý' }).waitFor();
      await c.check('password-changed');
    } catch (e) {
      await shot(page, 'admin-desktop-failure').catch(() => {});
      throw e;
    } finally {
      await b.close();
    }
    c.assertClean();
  });

  test('the administration screens at 360 px', async () => {
    const b = await launch({ width: 360, height: 780 });
    const page = b.page;
    const c = new Checker(page, 'admin-360', true);
    try {
      await signIn(page, server.url, PROVINCE_ADMIN);
      await page.getByRole('heading', { level: 1, name: 'Quản trị hệ thống' }).waitFor();
      await c.check('home');
      await agencies(page, c);
      await page.goto(`${server.url}/quan-tri/co-quan/them-moi`);
      await page.getByLabel(/^Mã cơ quan/).waitFor();
      await c.check('agency-new');
      await page.goto(`${server.url}/quan-tri`);
      await openSection(page, 'Thủ tục hành chính', 'Quản lý thủ tục hành chính');
      await c.check('procedures');
      await openProcedure(page);
      await c.check('procedure-form');
      await openSection(page, 'Lịch làm việc', 'Lịch làm việc');
      await addOverride(page, c, '2026-12-12', true, 'Làm bù (thử nghiệm 360 px)');
      await openSection(page, 'Tài khoản và vai trò', 'Tài khoản và vai trò');
      await page.locator('tr[data-login="tiepnhan.bnt"]').waitFor();
      await c.check('accounts');
      await page.locator('tr[data-login="tiepnhan.bnt"] td.name a').click();
      await page.getByRole('heading', { level: 1, name: 'Tài khoản tiepnhan.bnt' }).waitFor();
      await c.check('account');
      await page.goto(`${server.url}/quan-tri/tai-khoan/them-moi`);
      await page.getByLabel(/^Tên đăng nhập/).waitFor();
      await c.check('account-new');
    } catch (e) {
      await shot(page, 'admin-360-failure').catch(() => {});
      throw e;
    } finally {
      await b.close();
    }
    c.assertClean();
  });

  test('agency administrator: accounts of the ward only, no catalogue screens', async () => {
    const b = await launch({ width: 1280, height: 900 });
    const page = b.page;
    const c = new Checker(page, 'admin-ward');
    try {
      await signIn(page, server.url, WARD_ADMIN);
      await page.waitForURL(/\/quan-tri$/);
      await adminNav(page).getByRole('link', { name: 'Tổng quan' }).waitFor();
      const links = await adminNav(page).getByRole('link').allInnerTexts();
      assert.deepEqual(links, ['Tổng quan', 'Tài khoản và vai trò']);
      await c.check('home');
      await openSection(page, 'Tài khoản và vai trò', 'Tài khoản và vai trò');
      await page.locator('tr[data-login="chuyenvien.bnt"]').waitFor();
      assert.equal(await page.locator('tr[data-login="quantri.tinh"]').count(), 0);
      assert.equal(await page.locator('tr[data-login="tiepnhan.khac"]').count(), 0);
      await c.check('accounts');
      // Its own account: shown, but not changeable here.
      await page.locator('tr[data-login="quantri.bnt"] td.name a').click();
      await page.getByText('Đây là tài khoản của bạn').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Khóa tài khoản' }).count(), 0);
      await page.goto(`${server.url}/quan-tri/tai-khoan/9999`);
      await page.getByText('Không tìm thấy tài khoản', { exact: true }).waitFor();
      await page.goto(`${server.url}/quan-tri/lich`);
      await page.getByText('Chỉ quản trị viên cấp tỉnh được thay đổi mục này.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Ghi quyết định' }).count(), 0);
      await c.check('calendar-refused');
    } catch (e) {
      await shot(page, 'admin-ward-failure').catch(() => {});
      throw e;
    } finally {
      await b.close();
    }
    c.assertClean();
  });
});
