// The administration screens as the province administrator uses them: agencies, procedures, the
// working calendar, accounts and roles. Used at desktop width (full walk) and at 360 px (visits).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Checker } from './flow.ts';

export const PROVINCE_ADMIN = 'quantri.tinh';
export const WARD_ADMIN = 'quantri.bnt';
export const WARD = 'H32.22333';
export const WARD_NAME = 'Ủy ban nhân dân phường Bắc Nha Trang';
export const PROCEDURE = '1.004873.000.00.00.H32';
export const PROCEDURE_NAME = 'Cấp giấy xác nhận tình trạng hôn nhân';

export const adminNav = (page: Page) => page.getByRole('navigation', { name: 'Các mục quản trị' });

export async function openSection(page: Page, name: string, heading: string): Promise<void> {
  await adminNav(page).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

export async function agencies(page: Page, c: Checker): Promise<void> {
  await openSection(page, 'Cơ quan', 'Danh mục cơ quan');
  const root = page.getByRole('button', { name: /^\d+ cơ quan trực thuộc Ủy ban nhân dân tỉnh Khánh Hòa$/ });
  assert.equal(await root.getAttribute('aria-expanded'), 'true');
  // Keyboard: open the ward's branch with Enter.
  const ward = page.getByRole('button', { name: new RegExp(`^\\d+ cơ quan trực thuộc ${WARD_NAME}$`) });
  await ward.focus();
  await page.keyboard.press('Enter');
  assert.equal(await ward.getAttribute('aria-expanded'), 'true');
  await page.getByRole('link', { name: 'Trung tâm Phục vụ hành chính công phường Bắc Nha Trang' }).waitFor();
  await c.check('agencies-tree');
  await page.getByLabel('Lọc theo tên hoặc mã cơ quan').fill('bac nha trang');
  await page.getByText(/^\d+ cơ quan phù hợp$/).waitFor();
  await page.getByRole('link', { name: WARD_NAME, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Cơ quan: ${WARD_NAME}` }).waitFor();
  await c.check('agency-edit');
}

/** Adds an agency under the ward: a client-side check, a record the server refuses, then saved. */
export async function addAgency(page: Page, c: Checker, code: string): Promise<void> {
  await page.getByRole('link', { name: 'Thêm cơ quan trực thuộc' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thêm cơ quan' }).waitFor();
  assert.equal(await page.locator('#ag-parent').inputValue(), WARD);
  await page.getByLabel(/^Mã cơ quan/).fill(`${code}-X`);
  await page.getByLabel(/^Tên cơ quan/).fill('Bộ phận một cửa thử nghiệm');
  await page.getByLabel(/^Hiệu lực từ ngày/).fill('2026-01-01');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.locator('#form-errors').waitFor();
  assert.match(await page.locator('#form-errors').innerText(), /“Mã cơ quan” không đúng định dạng/);
  // A province under a ward passes the form's checks; the server names the field.
  await page.getByLabel(/^Mã cơ quan/).fill(code);
  await page.getByLabel(/^Loại cơ quan/).selectOption('province');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const problem = page.locator('#record-problem');
  await problem.waitFor();
  assert.match(await problem.innerText(), /Trường “Cơ quan cấp trên”: a province has no parent/);
  assert.equal(await page.locator('#ag-parent').getAttribute('aria-invalid'), 'true');
  await c.check('agency-import-error');
  await page.getByLabel(/^Loại cơ quan/).selectOption('commune_service_centre');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.waitForURL((u) => u.pathname === `/quan-tri/co-quan/${code}`);
  await page.getByText('Đã lưu.').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Cơ quan: Bộ phận một cửa thử nghiệm' }).waitFor();
  // Edit it: the same form, an update.
  await page.getByLabel(/^Tên tiếng Anh/).fill('Trial one-stop desk');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Đã lưu thay đổi.').waitFor();
  await c.check('agency-saved');
}

export async function openProcedure(page: Page): Promise<void> {
  await page.getByLabel('Tìm thủ tục').fill('tình trạng hôn nhân');
  await page.locator(`tr[data-code="${PROCEDURE}"]`).waitFor();
  await page.locator(`tr[data-code="${PROCEDURE}"] td.name a`).click();
  await page.getByRole('heading', { level: 1, name: /^Thủ tục: / }).waitFor();
  await page.locator('#pr-name-vi').waitFor();
}

/** Edits the procedure: a wrong share total, a refused step agency, then a new name. */
export async function editProcedure(page: Page, base: string, c: Checker, newName: string): Promise<void> {
  await openSection(page, 'Thủ tục hành chính', 'Quản lý thủ tục hành chính');
  await c.check('procedures');
  await openProcedure(page);
  await c.check('procedure-form');
  const total = page.getByTestId('share-total');
  assert.equal(await total.innerText(), 'Tổng tỷ lệ thời gian: 100%');
  const share = page.locator('#step-0-share');
  const before = await share.inputValue();
  await share.fill(String(Number(before) + 10));
  assert.equal(await total.innerText(), 'Tổng tỷ lệ thời gian: 110%');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.locator('#form-errors').waitFor();
  assert.match(await page.locator('#form-errors').innerText(), /phải bằng 100% \(hiện là 110%\)/);
  await share.fill(before);
  // Steps are added, and removed, from the keyboard; focus follows.
  await page.getByRole('button', { name: 'Thêm bước' }).click();
  await page.locator('#step-4-name:focus').waitFor();
  await page.getByRole('button', { name: 'Xóa bước (Bước 5)' }).click();
  // Focus moves to the previous step's name once the row is gone; wait for it, or the next
  // field's typing could land there.
  await page.locator('#step-3-name:focus').waitFor();
  assert.equal(await page.locator('#step-4-name').count(), 0);
  // A deferred focus move never takes focus from a field the user went to in the meantime.
  const focused = await page.evaluate(async () => {
    const add = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Thêm bước')!;
    add.click();
    document.getElementById('step-1-agency')!.focus();
    await new Promise((resolve) => setTimeout(resolve, 50));
    return document.activeElement?.id;
  });
  assert.equal(focused, 'step-1-agency');
  await page.getByRole('button', { name: 'Xóa bước (Bước 5)' }).click();
  await page.locator('#step-3-name:focus').waitFor();
  // An agency the server does not know: its refusal names the field.
  await page.locator('#step-1-agency').fill('H32.999');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const problem = page.locator('#record-problem');
  await problem.waitFor();
  assert.match(await problem.innerText(), /Trường “Cơ quan thực hiện \(mã\)”: unknown agency H32\.999/);
  await c.check('procedure-import-error');
  await page.locator('#step-1-agency').fill('');
  await page.locator('#pr-name-vi').fill(newName);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.getByText('Đã lưu thay đổi.').waitFor();
  await page.getByRole('heading', { level: 1, name: `Thủ tục: ${newName}` }).waitFor();
  // The public catalogue shows the new name at once.
  await page.goto(`${base}/thu-tuc?q=${encodeURIComponent('tình trạng hôn nhân')}`);
  await page.getByRole('link', { name: newName }).waitFor();
  await c.check('catalogue-after-edit');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click();
  await page.getByRole('heading', { level: 1, name: 'Quản trị hệ thống' }).waitFor();
}

/** Records a decision for `date` and sees it listed with its effect on a due date. */
export async function addOverride(page: Page, c: Checker, date: string, working: boolean, reason: string): Promise<void> {
  await page.getByLabel('Ngày (bắt buộc)', { exact: true }).fill(date);
  await page.getByRole('radio', { name: working ? 'Ngày làm việc (làm bù)' : 'Ngày nghỉ' }).check();
  await page.getByLabel(/^Lý do \(bắt buộc\)/).fill(reason);
  await page.getByRole('button', { name: 'Ghi quyết định' }).click();
  const [y, m, d] = date.split('-');
  await page.getByText(`Đã ghi quyết định cho ngày ${d}/${m}/${y}.`).waitFor();
  const row = page.locator(`tr[data-date="${date}"]`);
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, working ? /Ngày làm việc \(làm bù\)/ : /Ngày nghỉ/);
  assert.match(text, new RegExp(reason.replace(/[()]/g, '.')));
  assert.match(text, /Do quantri\.tinh ghi lúc/);
  await page.getByTestId('due-result').waitFor();
  await c.check(`calendar-${date}`);
}

export async function calendar(page: Page, c: Checker): Promise<void> {
  await openSection(page, 'Lịch làm việc', 'Lịch làm việc');
  await page.getByRole('button', { name: 'Ghi quyết định' }).click();
  await page.locator('#override-errors').waitFor();
  await c.check('calendar-errors');
  // A make-up Saturday: one working day from Friday 09:00 now ends that Saturday.
  await addOverride(page, c, '2026-12-05', true, 'Làm bù cho ngày nghỉ thứ Năm 31/12/2026');
  assert.match(await page.getByTestId('due-result').innerText(), /Hạn giải quyết: 17:00 05\/12\/2026/);
  // A day off, then deleted (with a confirmation, from the keyboard).
  await addOverride(page, c, '2026-12-31', false, 'Nghỉ bù (thử nghiệm)');
  await page.getByRole('button', { name: 'Xóa 31/12/2026' }).click();
  const confirm = page.getByRole('button', { name: 'Xác nhận xóa ngày 31/12/2026' });
  await page.locator('#ov-confirm-2026-12-31:focus').waitFor();
  await page.keyboard.press('Enter');
  await page.getByText('Đã xóa quyết định cho ngày 31/12/2026; lịch mặc định áp dụng lại.').waitFor();
  // The list is reloaded after the message appears: wait for the row to go (fails on timeout).
  await page.locator('tr[data-date="2026-12-31"]').waitFor({ state: 'detached' });
  assert.equal(await confirm.count(), 0);
  await page.locator('tr[data-date="2026-12-05"]').waitFor();
}

/** Creates an officer account, grants it a role, disables and enables it, resets its password. */
/** Creates account `login`, grants it a role, disables, enables and resets it; returns the
 * one-time password the reset gave. */
export async function accounts(page: Page, c: Checker, login: string): Promise<string> {
  await openSection(page, 'Tài khoản và vai trò', 'Tài khoản và vai trò');
  await page.locator('tr[data-login="tiepnhan.bnt"]').waitFor();
  await c.check('accounts');
  await page.getByRole('link', { name: 'Tạo tài khoản' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tạo tài khoản' }).waitFor();
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.locator('#form-errors').waitFor();
  await page.getByLabel(/^Tên đăng nhập/).fill(login);
  await page.getByLabel(/^Họ và tên/).fill('Đỗ Thị Thử');
  await page.getByLabel(/^Cơ quan công tác/).fill(WARD);
  await page.getByLabel(/^Chức danh/).fill('Chuyên viên');
  await c.check('account-new');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.getByText(`Đã tạo tài khoản ${login}.`).waitFor();
  assert.ok((await page.getByTestId('generated-password').innerText()).length >= 16);
  await c.check('account-created');
  await page.getByRole('link', { name: `Mở tài khoản ${login}` }).click();
  await page.getByRole('heading', { level: 1, name: `Tài khoản ${login}` }).waitFor();
  await page.getByText('Tài khoản chưa có vai trò nào.').waitFor();
  await page.getByLabel('Vai trò (bắt buộc)', { exact: true }).selectOption('specialist');
  assert.equal(await page.getByLabel(/^Cơ quan của vai trò/).inputValue(), WARD);
  await page.getByRole('button', { name: 'Cấp vai trò' }).click();
  await page.getByText(`Đã cấp vai trò Chuyên viên xử lý tại ${WARD}.`).waitFor();
  assert.match(await page.getByTestId('role-list').innerText(), /Chuyên viên xử lý tại H32\.22333/);
  await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await page.getByText('Đã khóa tài khoản; mọi phiên đăng nhập đã kết thúc.').waitFor();
  assert.equal(await page.getByTestId('account-state').innerText(), 'Đã khóa');
  await page.getByRole('button', { name: 'Mở khóa tài khoản' }).click();
  await page.getByText('Đã mở khóa tài khoản.').waitFor();
  assert.equal(await page.getByTestId('account-state').innerText(), 'Đang hoạt động');
  await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  await page.getByText(/^Đã đặt lại mật khẩu; mọi phiên đăng nhập của tài khoản đã kết thúc\. Đây là mật khẩu dùng một lần/).waitFor();
  const oneTime = await page.getByTestId('reset-password-value').innerText();
  await c.check('account');
  // The list shows the grant.
  await page.getByRole('link', { name: '← Danh sách tài khoản' }).click();
  await page.getByLabel('Tên đăng nhập bắt đầu bằng').fill(login);
  await page.getByRole('button', { name: 'Lọc' }).click();
  const row = page.locator(`tr[data-login="${login}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /Chuyên viên xử lý tại H32\.22333/);
  return oneTime;
}
