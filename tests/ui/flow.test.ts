// Browser tests: the online dossier's whole journey (desktop and 360 px) and the dashboard that
// counts it, a walk-in dossier received at the desk with its printed receipt slip, and the sync
// reconciliation with the national portal. Real motcua binary, built web/dist.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { ARTIFACTS, CHROMIUM, WEB_DIST, launch, shot } from './support/browser.ts';
import { CLERK, Checker, runOnlineFlow, signIn } from './support/flow.ts';
import { importEndedMonth, receiveAtDesk, syncReconciliation } from './support/dashboard.ts';

describe('MotCua web application', () => {
  let server: RunningServer;

  before(async () => {
    assert.ok(existsSync(join(WEB_DIST, 'index.html')), `build the web app first: ${WEB_DIST}/index.html is missing`);
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install -y chromium)`);
    server = await startServer({
      env: { MOTCUA_WEB_ROOT: WEB_DIST },
      demoEnv: { MOTCUA_PASSWORD_HASH_COST: 'minimum' },
    });
    // Last month's history, for the public monthly publication.
    await importEndedMonth(server.url);
  });
  after(async () => {
    await server?.close();
  });

  test('online dossier: submit → accept → supplement → approve → return → rate (desktop)', async () => {
    const b = await launch({ width: 1280, height: 900 });
    const c = new Checker(b.page, 'desktop');
    try {
      await runOnlineFlow(b.page, server.url, c);
    } catch (e) {
      await shot(b.page, 'desktop-failure').catch(() => {});
      throw e;
    } finally {
      await b.close();
    }
    c.assertClean();
  });

  test('online dossier: the same flow at 360 px', async () => {
    const b = await launch({ width: 360, height: 780 });
    const c = new Checker(b.page, 'mobile360', true);
    try {
      await runOnlineFlow(b.page, server.url, c);
    } catch (e) {
      await shot(b.page, 'mobile360-failure').catch(() => {});
      throw e;
    } finally {
      await b.close();
    }
    c.assertClean();
  });

  test('walk-in dossier received at the desk (keyboard only) and its A5 receipt slip printed', async () => {
    const b = await launch({ width: 1280, height: 900 });
    const page = b.page;
    const c = new Checker(page, 'desk');
    try {
      await signIn(page, server.url, CLERK);
      await page.waitForURL(/\/mot-cua\/tiep-nhan$/);
      // Focus starts in the procedure search; the rest is keyboard.
      await page.locator('#desk-q:focus').waitFor();
      await page.keyboard.type('khai sinh');
      await page.getByRole('radio', { name: /Đăng ký khai sinh/ }).first().waitFor();
      await page.keyboard.press('ArrowDown');
      const chosen = page.locator('input[name=procedure]:checked');
      await chosen.waitFor();
      await page.locator('.selected-proc').waitFor();
      await page.locator('.checklist').waitFor();
      await page.keyboard.press('Tab'); // applicant kind (select)
      await page.keyboard.press('Tab');
      await page.keyboard.type('056090000111');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Trần Thị Bình');
      await page.keyboard.press('Tab');
      await page.keyboard.type('0905000111');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('12 Trần Phú, phường Bắc Nha Trang');
      const boxes = await page.locator('.checklist input[type=checkbox]').count();
      for (let i = 0; i < boxes; i++) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('Space');
      }
      assert.equal(await page.locator('.checklist input:checked').count(), boxes);
      await c.check('desk-form-filled');
      await page.keyboard.press('Tab'); // note
      await page.keyboard.press('Tab'); // submit
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Tiếp nhận hồ sơ');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/ho-so\/[^/]+\?moi=1$/);
      const code = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
      await page.getByText(`Đã tiếp nhận hồ sơ ${code}`).waitFor();
      await page.locator('.dossier-badges .badge-status', { hasText: 'Được tiếp nhận' }).waitFor();
      await c.check('desk-received');

      // One click to the A4 PDF (form 01), which the browser shows and prints.
      const pdfLink = page.getByRole('link', { name: 'In giấy tiếp nhận (PDF)' });
      assert.equal(await pdfLink.getAttribute('target'), '_blank');
      const a4 = await page.request.get(new URL((await pdfLink.getAttribute('href'))!, server.url).href);
      assert.equal(a4.status(), 200);
      assert.equal(a4.headers()['content-type'], 'application/pdf');
      assert.equal((await a4.body()).subarray(0, 5).toString('latin1'), '%PDF-');
      await page.getByRole('link', { name: 'In giấy tiếp nhận', exact: true }).click();
      await page.getByTestId('slip-code').waitFor();
      assert.equal(await page.getByTestId('slip-code').innerText(), code);
      const slipText = await page.locator('.slip').innerText();
      assert.match(slipText, /Trần Thị Bình/);
      assert.match(slipText, /Đăng ký khai sinh/);
      assert.match(slipText, /Thời gian hẹn trả kết quả/);
      assert.match(slipText, new RegExp(`/tra-cuu\\?ma=${encodeURIComponent(code).replace(/\./g, '\\.')}`));
      await c.check('receipt-screen');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.site-header').isVisible(), false);
      assert.equal(await page.getByRole('button', { name: 'In phiếu' }).isVisible(), false);
      await page.setViewportSize({ width: 559, height: 794 }); // A5 at 96 dpi
      await shot(page, 'desk-receipt-print');
      mkdirSync(ARTIFACTS, { recursive: true });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(join(ARTIFACTS, 'desk-receipt.pdf'), pdf);
      const text = pdf.toString('latin1');
      const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.equal(pages, 1, 'the receipt slip prints on one page');
      const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
      assert.ok(box, 'the PDF has a MediaBox');
      // A5 = 148 × 210 mm = 419.5 × 595.3 pt
      assert.ok(Math.abs(Number(box![1]) - 419.5) < 2 && Math.abs(Number(box![2]) - 595.3) < 2, `A5 page, got ${box![1]}×${box![2]}`);
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 900 });

      // Officer actions: extend with the date-time picker, then a stale action answered 409.
      await page.goto(`${server.url}/ho-so/${encodeURIComponent(code)}`);
      await page.getByRole('button', { name: 'Gia hạn', exact: true }).click();
      const picker = page.getByLabel(/Hạn giải quyết mới/);
      const current = await picker.inputValue();
      const later = new Date(Date.parse(`${current}:00Z`) + 2 * 86400_000).toISOString().slice(0, 16);
      await picker.fill(later);
      await page.getByLabel(/Lý do \(không bắt buộc/).fill('Cần xác minh thêm với nơi đăng ký cư trú');
      await c.check('extend-form');
      await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
      await page.locator('.timeline > li[data-action="extend"]').waitFor();
      const [d, m, y] = [later.slice(8, 10), later.slice(5, 7), later.slice(0, 4)];
      await page.getByText(`${later.slice(11, 16)} ${d}/${m}/${y}`).first().waitFor();
      // Meanwhile (another tab) supplementation is requested; the now stale "forward" gets a 409.
      const status = await page.evaluate(async (c) => {
        const r = await fetch(`/api/v1/dossiers/${encodeURIComponent(c)}/actions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': sessionStorage.getItem('motcua.csrf') ?? '' },
          body: JSON.stringify({ action: 'request_supplement', reasons: ['Giấy chứng sinh bản chính'] }),
        });
        return r.status;
      }, code);
      assert.equal(status, 200);
      await page.getByRole('button', { name: 'Chuyển bước tiếp theo', exact: true }).click();
      await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
      const alert = page.locator('.actions-panel .state-error');
      await alert.waitFor();
      assert.match(await alert.innerText(), /Các thao tác hiện được phép/);
      await c.check('conflict-409');
    } catch (e) {
      await shot(page, 'desk-failure').catch(() => {});
      throw e;
    } finally {
      await b.close();
    }
    c.assertClean();
  });

  test('national portal sync: the province administrator reconciles this month (dvcqg off: every dossier a gap)', async () => {
    const code = await receiveAtDesk(server.url);
    const b = await launch({ width: 1280, height: 900 });
    const c = new Checker(b.page, 'sync');
    const narrow = new Checker(b.page, 'sync-360', true);
    try {
      await syncReconciliation(b.page, server.url, c, narrow, code);
    } catch (e) {
      await shot(b.page, 'sync-failure').catch(() => {});
      throw e;
    } finally {
      await b.close();
    }
    c.assertClean();
    narrow.assertClean();
  });
});
