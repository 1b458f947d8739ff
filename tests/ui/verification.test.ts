// Browser test: the verification page of a signed electronic result (/xac-minh/{id}, the link of
// the result's QR code; docs/e-results.md §5), as a stranger with a phone opens it — no account.
// The clerk finishes a dossier with an electronic result (through the API); the visitor sees it
// valid, drops the very file and is told it matches and its signature is valid, drops a changed
// copy and is told it does not; after the head revokes it, the page says revoked. Real motcua
// binary, built web/dist, Debian chromium; axe finds no serious issue; nothing overflows.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, makeTempDir, removeTempDir, type RunningServer } from '../api/support/server.ts';
import { DEMO_LOGINS, FAST_HASHING, authHeaders, call, login } from '../api/support/auth.ts';
import { actOk, createDossier } from '../api/support/dossiers.ts';
import { WEB_DIST, axeSerious, horizontalOverflow, launch, shot, type Browser } from './support/browser.ts';

const PHONE = { width: 360, height: 780 };

let server: RunningServer;
let browser: Browser;
let scratch: string;

before(async () => {
  server = await startServer({ env: { ...FAST_HASHING, MOTCUA_WEB_ROOT: WEB_DIST }, demoEnv: FAST_HASHING });
  browser = await launch(PHONE);
  scratch = makeTempDir('motcua-ui-verify-');
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) removeTempDir(scratch);
});

describe('verifying a signed result in the browser, without an account', () => {
  test('valid, the very file matches, a changed copy does not, then revoked', async () => {
    const [citizen, clerk, specialist, head] = await Promise.all(
      [DEMO_LOGINS.citizen, DEMO_LOGINS.clerk, DEMO_LOGINS.specialist, DEMO_LOGINS.head].map((l) => login(server, l)));
    const dossier = await createDossier(server, citizen);
    await actOk(server, clerk, dossier.code, 'accept');
    await actOk(server, clerk, dossier.code, 'forward');
    await actOk(server, specialist, dossier.code, 'forward');
    await actOk(server, head, dossier.code, 'approve');
    await actOk(server, clerk, dossier.code, 'finish', { result_kind: 'electronic' });
    const [result] = (await call(server, `/api/v1/dossiers/${encodeURIComponent(dossier.code)}/results`, { session: citizen })).body.results;
    const file = await fetch(`${server.url}/api/v1/files/${result.sha256}?dossier=${encodeURIComponent(dossier.code)}`,
      { headers: authHeaders(citizen) });
    const pdf = Buffer.from(await file.arrayBuffer());
    const good = join(scratch, 'ket-qua.pdf');
    const changed = join(scratch, 'ket-qua-sua.pdf');
    writeFileSync(good, pdf);
    const copy = Buffer.from(pdf);
    copy[copy.indexOf('/MediaBox') + 2] ^= 0x01;
    writeFileSync(changed, copy);

    const page = browser.page;
    // A QR reader may hand the id over in capitals.
    await page.goto(`${server.url}/xac-minh/${result.id.toUpperCase()}`);
    const status = page.getByTestId('verification-status');
    await status.waitFor();
    assert.equal(await status.getAttribute('data-status'), 'valid');
    assert.match(await page.locator('body').innerText(), new RegExp(dossier.code.replace(/\./g, '\\.')));
    assert.equal(await page.getByTestId('verification-sha256').innerText().then((t) => t.replace(/\s/g, '')), result.sha256);

    const input = page.locator('input[type="file"]');
    await input.setInputFiles(good);
    const verdict = page.getByTestId('file-check-result');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-matches'), 'true');
    await shot(page, 'verification-valid-match');
    assert.deepEqual(await axeSerious(page), []);
    assert.equal(await horizontalOverflow(page), 0);

    await input.setInputFiles(changed);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="file-check-result"]')?.getAttribute('data-matches') === 'false');
    await shot(page, 'verification-changed-file');

    const revoked = await call(server, `/api/v1/results/${result.id}/revocation`, { session: head, body: { reason: 'Cấp nhầm người được cấp' } });
    assert.equal(revoked.status, 200, revoked.text);
    await page.reload();
    await page.getByTestId('verification-status').waitFor();
    assert.equal(await page.getByTestId('verification-status').getAttribute('data-status'), 'revoked');
    assert.match(await page.locator('body').innerText(), /Cấp nhầm người được cấp/);
    await shot(page, 'verification-revoked');
  });
});
