// The dossier's whole journey through the UI, as its actors see it. Used at desktop width and at 360 px.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeSerious, horizontalOverflow, shot } from './browser.ts';
import { dashboardAfter, dashboardBefore } from './dashboard.ts';

export const PASSWORD = 'MotCua@2026';
export const CITIZEN = '056095001234';
export const CLERK = 'tiepnhan.bnt';
export const SPECIALIST = 'chuyenvien.bnt';
export const HEAD = 'lanhdao.bnt';
/** A commune-level procedure with full online submission and required components. */
export const ONLINE_PROCEDURE = '1.004873.000.00.00.H32';

export class Checker {
  readonly failures: string[] = [];
  readonly pages: string[] = [];
  constructor(
    readonly page: Page,
    readonly prefix: string,
    readonly narrow = false,
  ) {}

  /** axe-core (no serious/critical violations), no horizontal overflow at 360 px, a screenshot. */
  async check(name: string): Promise<void> {
    await this.page.waitForLoadState('networkidle').catch(() => {});
    await this.page.locator('.state-loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
    this.pages.push(name);
    const violations = await axeSerious(this.page);
    for (const v of violations) {
      this.failures.push(`${name}: ${v.impact} ${v.id} — ${v.help} ${JSON.stringify(v.nodes)}`);
    }
    if (this.narrow) {
      const overflow = await horizontalOverflow(this.page);
      if (overflow > 0) this.failures.push(`${name}: overflows the 360 px viewport by ${overflow} px`);
    }
    await shot(this.page, `${this.prefix}-${String(this.pages.length).padStart(2, '0')}-${name}`);
  }

  assertClean(): void {
    assert.deepEqual(this.failures, [], `accessibility/layout problems:\n${this.failures.join('\n')}`);
  }
}

export async function signIn(page: Page, base: string, login: string, next?: string, password = PASSWORD): Promise<void> {
  if (!page.url().includes('/dang-nhap')) {
    await page.goto(`${base}/dang-nhap${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  }
  await page.getByLabel('Số định danh, mã số thuế hoặc tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByTestId('signed-in-name').waitFor();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('link', { name: 'Đăng nhập' }).waitFor();
}

/** Opens a dossier from the inbox (officers) or "Hồ sơ của tôi" (applicants). */
export async function openDossier(page: Page, base: string, list: '/can-bo/ho-so' | '/ho-so-cua-toi', code: string): Promise<void> {
  await page.goto(`${base}${list}`);
  await page.getByRole('link', { name: code }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`Hồ sơ ${code.replace(/\./g, '\\.')}`) }).waitFor();
  await page.locator('.timeline, .dossier .state-error').first().waitFor();
}

/** Clicks an action button from allowed_actions, fills its form, confirms; waits for the new status. */
export async function act(page: Page, button: string, status: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  if (fill) await fill();
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await page.locator('.actions-panel .state-ok').waitFor();
  await page.locator('.dossier-badges .badge-status', { hasText: status }).waitFor();
}

export async function runOnlineFlow(page: Page, base: string, c: Checker): Promise<string> {
  // The ward's figures this month, before the dossier exists (compared at the end).
  const figures = await dashboardBefore(page, base);

  // Citizen: the procedure page offers online submission; signing in comes back to the form.
  await page.goto(`${base}/thu-tuc/${ONLINE_PROCEDURE}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await c.check('procedure');
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await page.waitForURL(/\/dang-nhap\?next=/);
  await c.check('login');
  await signIn(page, base, CITIZEN);
  await page.waitForURL(/\/nop-truc-tuyen$/);
  await page.getByLabel('Tìm trung tâm phục vụ hành chính công cấp xã').fill('Bắc Nha Trang');
  await page.getByRole('radio', { name: /phường Bắc Nha Trang/ }).check();
  // Submitting without the required documents is refused by the form, with a summary.
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.locator('#form-errors').waitFor();
  assert.match(await page.locator('#form-errors').innerText(), /Còn thiếu giấy tờ bắt buộc/);
  for (const box of await page.locator('.checklist input[type=checkbox]').all()) await box.check();
  await c.check('submit-form');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.waitForURL(/\/ho-so\/[^/]+\?moi=1$/);
  const code = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
  await page.locator('.dossier-badges .badge-status', { hasText: 'Mới đăng ký' }).waitFor();
  await page.getByText(`Đã nộp hồ sơ ${code}`).waitFor();
  await c.check('citizen-submitted');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ của tôi' }).click();
  const row = page.locator(`tr[data-code="${code}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /Mới đăng ký/);
  await c.check('my-dossiers');
  await signOut(page);

  // Clerk: accepts, then forwards to the specialist.
  await signIn(page, base, CLERK);
  await c.check('desk-form-empty');
  await page.goto(`${base}/can-bo/ho-so`);
  await page.locator(`tr[data-code="${code}"]`).waitFor();
  await c.check('clerk-inbox');
  await openDossier(page, base, '/can-bo/ho-so', code);
  await c.check('clerk-dossier');
  await act(page, 'Tiếp nhận', 'Được tiếp nhận');
  await act(page, 'Chuyển bước tiếp theo', 'Đang xử lý');
  await signOut(page);

  // Specialist: asks for supplementation.
  await signIn(page, base, SPECIALIST);
  await openDossier(page, base, '/can-bo/ho-so', code);
  await page.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
  // The reasons are required: confirming without them is caught by the form.
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await page.locator('#act-reasons-error').waitFor();
  await page.getByLabel(/Giấy tờ cần bổ sung/).fill('Bản sao Căn cước công dân còn hạn\nẢnh chân dung 4x6');
  await c.check('specialist-request-form');
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await page.locator('.dossier-badges .badge-status', { hasText: 'Yêu cầu bổ sung giấy tờ' }).waitFor();
  await signOut(page);

  // Citizen: sees what is asked and supplements.
  await signIn(page, base, CITIZEN);
  await openDossier(page, base, '/ho-so-cua-toi', code);
  await page.getByText('Bản sao Căn cước công dân còn hạn').first().waitFor();
  await c.check('citizen-supplement-request');
  await act(page, 'Bổ sung hồ sơ', 'Đang xử lý', () => page.getByLabel('Ghi chú').fill('Đã bổ sung bản sao CCCD và ảnh.'));
  await signOut(page);

  // Specialist forwards; the head approves.
  await signIn(page, base, SPECIALIST);
  await openDossier(page, base, '/can-bo/ho-so', code);
  await act(page, 'Chuyển bước tiếp theo', 'Đang xử lý');
  await signOut(page);
  await signIn(page, base, HEAD);
  await openDossier(page, base, '/can-bo/ho-so', code);
  await c.check('head-dossier');
  await act(page, 'Phê duyệt', 'Đang xử lý');
  await signOut(page);

  // Clerk: finishes (paper result) and returns the result at the desk.
  await signIn(page, base, CLERK);
  await openDossier(page, base, '/can-bo/ho-so', code);
  await act(page, 'Hoàn thành xử lý', 'Đã xử lý xong', () => page.getByRole('radio', { name: 'Bản giấy' }).check());
  await act(page, 'Trả kết quả', 'Đã trả kết quả', () => page.getByRole('radio', { name: 'Tại bộ phận một cửa' }).check());
  await c.check('clerk-returned');
  await signOut(page);

  // Citizen: rates the service; the history shows every step.
  await signIn(page, base, CITIZEN);
  await openDossier(page, base, '/ho-so-cua-toi', code);
  await page.getByRole('button', { name: 'Gửi đánh giá', exact: true }).click();
  await page.getByRole('radio', { name: 'Rất hài lòng' }).check();
  await c.check('citizen-rate');
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await page.getByText('Đánh giá của bạn').waitFor();
  await page.locator('.timeline li[data-action="rate"]').waitFor();
  const actions = await page.locator('.timeline > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')));
  assert.deepEqual(actions, ['submit', 'accept', 'forward', 'request_supplement', 'supplement', 'forward', 'approve', 'finish', 'return_result', 'rate']);
  await c.check('citizen-rated');

  // English switch: the same page in English.
  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('heading', { name: 'History' }).waitFor();
  await c.check('citizen-rated-en');
  await page.getByRole('button', { name: 'VI' }).click();
  await signOut(page);

  // The public lookup: code + ID number, no sign-in.
  await page.goto(`${base}/tra-cuu?ma=${encodeURIComponent(code)}`);
  assert.equal(await page.getByLabel(/Mã hồ sơ/).inputValue(), code);
  await page.getByLabel(/Số định danh cá nhân/).fill('000000000000');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await page.getByText('Không tìm thấy hồ sơ với mã hồ sơ và số định danh này.').waitFor();
  await page.getByLabel(/Số định danh cá nhân/).fill(CITIZEN);
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await page.locator('.lookup-result .badge-status', { hasText: 'Đã trả kết quả' }).waitFor();
  assert.match(await page.locator('.lookup-result').innerText(), /Nguyễn V\. A\./);
  await c.check('public-lookup');

  // The dashboard counts the dossier (received, on time, this month); the publication; the drill-down.
  await dashboardAfter(page, base, c, figures, code);
  return code;
}
