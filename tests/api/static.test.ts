// The web application's files (MOTCUA_WEB_ROOT): index.html for the client-side routes, immutable
// hashed assets, ETag revalidation, security headers, and the API kept apart from the fallback.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeTempDir, startServer, type RunningServer } from './support/server.ts';
import { rawRequest } from './support/http.ts';

const INDEX_HTML = '<!doctype html><html lang="vi"><head><title>Một cửa</title></head><body><div id="app"></div></body></html>';
const APP_JS = 'document.getElementById("app").textContent = "Xin chào";\n';
let server: RunningServer;

before(async () => {
  const webRoot = makeTempDir('motcua-web-');
  writeFileSync(join(webRoot, 'index.html'), INDEX_HTML);
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'assets', 'app-abc.js'), APP_JS);
  writeFileSync(join(webRoot, 'assets', 'app-abc.css'), 'body{margin:0}');
  writeFileSync(join(webRoot, 'robots.txt'), 'User-agent: *\n');
  writeFileSync(join(webRoot, '.env'), 'SECRET=do-not-serve\n');
  const outside = makeTempDir('motcua-outside-');
  writeFileSync(join(outside, 'secret.txt'), 'outside the web root');
  symlinkSync(join(outside, 'secret.txt'), join(webRoot, 'leak.txt'));
  server = await startServer({ env: { MOTCUA_WEB_ROOT: webRoot } });
});
after(async () => {
  await server?.close();
});

function assertSecurityHeaders(response: Response, where: string): void {
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', where);
  const csp = response.headers.get('content-security-policy') ?? '';
  assert.match(csp, /frame-ancestors 'none'/, `${where}: CSP ${csp}`);
  assert.match(csp, /default-src 'self'/, `${where}: CSP ${csp}`);
}

describe('static files', () => {
  test('/ serves index.html as text/html', async () => {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(await response.text(), INDEX_HTML);
    assert.match(response.headers.get('cache-control') ?? '', /no-cache/);
    assertSecurityHeaders(response, '/');
  });

  test('a client-side route falls back to index.html', async () => {
    for (const path of ['/thu-tuc/1.001193.000.00.00.H32', '/co-quan/H32.02', '/tim-kiem']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, path);
      assert.equal(await response.text(), INDEX_HTML, path);
    }
  });

  test('a hashed asset has a JavaScript type and an immutable Cache-Control', async () => {
    const response = await fetch(`${server.url}/assets/app-abc.js`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^(text|application)\/javascript/);
    assert.match(response.headers.get('cache-control') ?? '', /immutable/);
    assert.match(response.headers.get('cache-control') ?? '', /max-age=\d{6,}/);
    assert.equal(await response.text(), APP_JS);
    assertSecurityHeaders(response, '/assets/app-abc.js');
    const css = await fetch(`${server.url}/assets/app-abc.css`);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    await css.text();
  });

  test('a missing asset is a 404, not index.html', async () => {
    for (const path of ['/assets/x.js', '/assets/app-abd.js', '/assets/sub/route', '/missing.png']) {
      const response = await fetch(`${server.url}${path}`);
      const text = await response.text();
      assert.equal(response.status, 404, `${path}: ${text.slice(0, 100)}`);
      assert.notEqual(text, INDEX_HTML);
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, path);
    }
  });

  test('ETag and If-None-Match give 304 without a body', async () => {
    for (const path of ['/assets/app-abc.js', '/']) {
      const first = await fetch(`${server.url}${path}`);
      await first.text();
      const etag = first.headers.get('etag');
      assert.ok(etag, `${path}: no ETag`);
      const again = await fetch(`${server.url}${path}`, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304, path);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      const stale = await fetch(`${server.url}${path}`, { headers: { 'If-None-Match': '"stale"' } });
      assert.equal(stale.status, 200, path);
      await stale.text();
    }
  });

  test('HEAD on a file gives its headers without a body', async () => {
    const response = await fetch(`${server.url}/assets/app-abc.js`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(Number(response.headers.get('content-length')), Buffer.byteLength(APP_JS));
    assert.equal(await response.text(), '');
  });

  test('the API keeps JSON answers: /api/v1/nope is a JSON 404, not index.html', async () => {
    const response = await fetch(`${server.url}/api/v1/nope`);
    const text = await response.text();
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(JSON.parse(text).code, 'not_found');
    assertSecurityHeaders(response, '/api/v1/nope');
    const api = await fetch(`${server.url}/api/v1/procedures/1.001193.000.00.00.H32`);
    assert.match(api.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(api.headers.get('cache-control'), 'no-store');
    assert.equal((await api.json()).name_vi, 'Đăng ký khai sinh');
  });

  test('dotfiles and symbolic links leading outside the web root are not served', async () => {
    for (const path of ['/.env', '/leak.txt', '/%2eenv']) {
      const answer = await rawRequest(server.host, server.port, 'GET', path);
      assert.ok(!answer.body.includes('SECRET') && !answer.body.includes('outside the web root'), `${path}: ${answer.body}`);
      assert.equal(answer.status, 404, path);
    }
  });

  test('a plain file of the web root is served with its type', async () => {
    const response = await fetch(`${server.url}/robots.txt`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(await response.text(), 'User-agent: *\n');
  });
});

describe('the built web application (MOTCUA_WEB_DIST)', () => {
  const dist = process.env.MOTCUA_WEB_DIST ?? '';
  const built = dist !== '' && existsSync(join(dist, 'index.html'));
  test('serves its index.html for / and a procedure page', { skip: built ? false : 'web/dist is not built' }, async () => {
    const web = await startServer({ env: { MOTCUA_WEB_ROOT: dist } });
    try {
      const index = readFileSync(join(dist, 'index.html'), 'utf8');
      for (const path of ['/', '/thu-tuc/1.001193.000.00.00.H32']) {
        const response = await fetch(`${web.url}${path}`);
        assert.equal(response.status, 200, path);
        assert.equal(await response.text(), index, path);
      }
      // Every script the page loads is served with a JavaScript type.
      for (const match of index.matchAll(/src="(\/assets\/[^"]+\.js)"/g)) {
        const script = await fetch(`${web.url}${match[1]}`);
        assert.equal(script.status, 200, match[1]);
        assert.match(script.headers.get('content-type') ?? '', /javascript/);
        await script.text();
      }
    } finally {
      await web.close();
    }
  });
});
