// Browser test: the applicant's data store (kho dữ liệu) and its reuse in a new dossier. Through
// the API the demo citizen gets a birth registration (Đăng ký khai sinh) finished with an
// electronic result and returned online, which deposits the signed birth certificate in the
// citizen's store. On a phone (360 px) the citizen finds it on /kho-du-lieu, valid, with its
// verification page and history; submits a parentage recognition (Đăng ký nhận cha, mẹ, con),
// whose TP3 "Giấy khai sinh của người con" is the result of the birth registration, and there
// uses the stored certificate instead of an upload. The desk clerk (desktop) sees TP3 reused from
// the store with the document's title and downloads its file; the 766 index counts the dossier
// under REUSED_DIGITIZED_DATA (4.3). Real motcua binary, built web/dist, Debian chromium; axe
// finds no serious issue; nothing overflows the phone's width.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from '../api/support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, authHeaders, call, login } from '../api/support/auth.ts';
import { BIRTH_REGISTRATION, actOk, createDossier } from '../api/support/dossiers.ts';
import { issueElectronicResult } from '../api/support/results.ts';
import { CHROMIUM, WEB_DIST, axeSerious, horizontalOverflow, launch, shot, type Browser } from './support/browser.ts';
import { signIn } from './support/flow.ts';

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };
/** Đăng ký nhận cha, mẹ, con: its TP3 is the result of the birth registration. */
const PARENTAGE_RECOGNITION = '1.001022.000.00.00.H32';

let server: RunningServer;
let phone: Browser;
let desk: Browser;

before(async () => {
  assert.ok(existsSync(join(WEB_DIST, 'index.html')), `build the web app first: ${WEB_DIST}/index.html is missing`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install -y chromium)`);
  server = await startServer({ env: { ...FAST_HASHING, MOTCUA_WEB_ROOT: WEB_DIST }, demoEnv: FAST_HASHING });
  phone = await launch(PHONE);
  desk = await launch(DESKTOP);
});

after(async () => {
  await phone?.close();
  await desk?.close();
  await server?.close();
});

/** The month now in Vietnam (UTC+7), as the indicators' period spells it. */
function vietnamMonth(at = new Date()): string {
  const local = new Date(at.getTime() + 7 * 3600_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** No serious axe finding; at 360 px nothing wider than the screen. */
async function checkPage(page: Page, narrow: boolean): Promise<void> {
  await page.locator('.state-loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  assert.deepEqual(await axeSerious(page), []);
  if (narrow) {
    const overflow = await horizontalOverflow(page);
    if (overflow > 0) {
      // Name the widest elements, to say what overflows.
      const wide = await page.evaluate(() => Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px: ${e.textContent?.slice(0, 60)}`));
      assert.fail(`overflows the ${page.viewportSize()?.width} px viewport by ${overflow} px:\n${wide.join('\n')}`);
    }
  }
}

describe('the data store: a signed result deposited, seen, and reused in a new dossier', () => {
  test('birth certificate → /kho-du-lieu → reused for TP3 → seen by the desk → counted in the 766 index', async () => {
    const [citizen, clerk, specialist, head] = await Promise.all(
      [DEMO_LOGINS.citizen, DEMO_LOGINS.clerk, DEMO_LOGINS.specialist, DEMO_LOGINS.head].map((l) => login(server, l)));

    // 1. The birth registration, finished with an electronic result and returned online.
    const { code: birthCode, result } = await issueElectronicResult(server, { citizen, clerk, specialist, head },
      { procedure: BIRTH_REGISTRATION, returned: true });
    const birth = { code: birthCode };

    const mine = await call(server, '/api/v1/me/documents', { session: citizen });
    assert.equal(mine.status, 200, mine.text);
    const stored = mine.body.items.find((d: any) => d.source.dossier_code === birth.code);
    assert.ok(stored, `no stored document from ${birth.code}: ${mine.text}`);
    assert.equal(stored.kind, 'result');
    assert.equal(stored.status, 'valid');
    assert.equal(stored.result_id, result.id);
    assert.ok(stored.files.length >= 1, mine.text);

    // 2. On the phone: the citizen's data store.
    const page = phone.page;
    await signIn(page, server.url, DEMO_LOGINS.citizen, '/kho-du-lieu');
    await page.waitForURL(/\/kho-du-lieu$/);
    await page.getByRole('heading', { level: 1, name: 'Kho dữ liệu của tôi' }).waitFor();
    const item = page.locator(`[data-testid="stored-document"][data-id="${stored.id}"]`);
    await item.waitFor();
    assert.equal(await item.getAttribute('data-status'), 'valid');
    assert.equal(await item.getAttribute('data-kind'), 'result');
    const itemText = await item.innerText();
    assert.ok(itemText.includes(stored.title), itemText);
    assert.match(itemText, /Kết quả điện tử/);
    assert.match(itemText, /Còn hiệu lực/);
    assert.ok(itemText.includes(birth.code), itemText);
    assert.equal(await item.getByTestId('document-verify').getAttribute('href'), `/xac-minh/${result.id}`);
    assert.equal(await item.getByTestId('document-file').count(), stored.files.length);
    assert.equal(await page.getByRole('link', { name: 'Kho dữ liệu của tôi' }).getAttribute('aria-current'), 'page');
    await item.getByTestId('document-history-toggle').click();
    await item.locator('[data-testid="document-history"] li[data-action="deposited"]').waitFor();
    assert.equal(await item.getByTestId('document-history-toggle').getAttribute('aria-expanded'), 'true');
    await checkPage(page, true);
    await shot(page, 'data-store-01-my-documents-360');

    // 3. A parentage recognition: TP3 (the child's birth certificate) is offered from the store.
    const parentage = await createDossier(server, citizen, { procedure: PARENTAGE_RECOGNITION });
    await page.goto(`${server.url}/ho-so/${encodeURIComponent(parentage.code)}`);
    const offer = page.locator(`[data-testid="reusable-document"][data-component="TP3"][data-document="${stored.id}"]`);
    await offer.waitFor();
    assert.match(await offer.innerText(), new RegExp(`Có trong kho dữ liệu:\\s*${escapeRegExp(stored.title)}`));
    await checkPage(page, true);
    await shot(page, 'data-store-02-reuse-offered-360');

    await offer.getByTestId('reuse-button').click();
    const badge = page.locator('[data-testid="reused-badge"][data-component="TP3"]');
    await badge.waitFor();
    await page.getByTestId('reuse-done').waitFor();
    assert.match(await badge.innerText(), /Tái sử dụng từ kho dữ liệu/);
    await badge.getByTestId('reused-title').waitFor();
    assert.equal(await badge.getByTestId('reused-title').innerText(), stored.title);
    assert.equal(await page.locator('[data-testid="reusable-document"][data-component="TP3"]').count(), 0);
    await checkPage(page, true);
    await shot(page, 'data-store-03-reused-360');

    // The dossier as the API has it: TP3 from the provincial store, with the document's files.
    const reusedDossier = (await call(server, `/api/v1/dossiers/${encodeURIComponent(parentage.code)}`, { session: citizen })).body;
    const tp3 = reusedDossier.components.find((c: any) => c.code === 'TP3');
    assert.equal(tp3.reuse_source, 'provincial_store');
    assert.equal(tp3.reused_document, stored.id);
    assert.deepEqual([...tp3.files].sort(), stored.files.map((f: any) => f.sha256).sort());

    // 4. The desk accepts it; the clerk (desktop) sees TP3 reused and downloads its file.
    await actOk(server, clerk, parentage.code, 'accept');
    const deskPage = desk.page;
    await signIn(deskPage, server.url, DEMO_LOGINS.clerk, `/ho-so/${parentage.code}`);
    const deskBadge = deskPage.locator('[data-testid="reused-badge"][data-component="TP3"]');
    await deskBadge.waitFor();
    await deskBadge.getByTestId('reused-title').waitFor();
    assert.equal(await deskBadge.getByTestId('reused-title').innerText(), stored.title);
    const deskComponent = deskPage.locator('[data-testid="dossier-component"][data-component="TP3"]');
    const link = deskComponent.getByTestId('component-file').first();
    const sha = await link.getAttribute('data-sha256');
    assert.ok(sha && stored.files.some((f: any) => f.sha256 === sha), `file ${sha}`);
    const [download] = await Promise.all([deskPage.waitForEvent('download'), link.click()]);
    const saved = await download.path();
    assert.ok(saved, 'the download was saved');
    assert.equal(createHash('sha256').update(readFileSync(saved)).digest('hex'), sha);
    await checkPage(deskPage, false);
    await shot(deskPage, 'data-store-04-desk-reused');

    // The same file through the API, as the clerk.
    const file = await fetch(`${server.url}/api/v1/files/${sha}?dossier=${encodeURIComponent(parentage.code)}`, { headers: authHeaders(clerk) });
    assert.equal(file.status, 200);

    // 5. The 766 index counts the received dossier as reusing digitised data (4.3).
    const period = vietnamMonth();
    let reused: any;
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const index = await call(server, `/api/v1/indicators/766?agency=${encodeURIComponent(parentage.receiving_agency)}&period=${period}`);
      assert.equal(index.status, 200, index.text);
      // Group 4, the digitisation of dossiers and results.
      const group = index.body.groups.find((g: any) => g.code === 'dossier-digitized');
      assert.ok(group, `no group dossier-digitized: ${index.text}`);
      reused = group.metrics.find((m: any) => m.code === 'REUSED_DIGITIZED_DATA');
      assert.ok(reused, `no REUSED_DIGITIZED_DATA: ${index.text}`);
      if (reused.numerator >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(reused.numerator >= 1, JSON.stringify(reused));
    assert.ok(reused.denominator >= 2, JSON.stringify(reused));
  });
});
