// Errors and hostile input: every error is problem+json with a stable code and messages in
// Vietnamese and English; limits (body, header) hold; malformed requests, path traversal and a
// fuzz loop never get a 5xx or a file from outside the web root, and the server keeps serving.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeTempDir, startServer, type RunningServer } from './support/server.ts';
import { assertProblem, getJson, rawExchange, rawRequest, rawStatus, withQuery } from './support/http.ts';
import { seededRandom } from './support/random.ts';

const INDEX_HTML = '<!doctype html><title>MotCua</title><div id="app"></div>';
let server: RunningServer;
let small: RunningServer;
let passwdLine = 'root:x:0:0:';

before(async () => {
  // A web root, so that traversal attempts really reach the static-file handler.
  const webRoot = makeTempDir('motcua-web-');
  writeFileSync(join(webRoot, 'index.html'), INDEX_HTML);
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'assets', 'app-abc.js'), 'console.log(1);');
  server = await startServer({ env: { MOTCUA_WEB_ROOT: webRoot } });
  small = await startServer({ env: { MOTCUA_BODY_LIMIT_BYTES: '4096', MOTCUA_HEADER_LIMIT_BYTES: '2048' } });
  try {
    passwdLine = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!.slice(0, 12) || passwdLine;
  } catch {
    // Keep the usual first line.
  }
});
after(async () => {
  await server?.close();
  await small?.close();
});

async function assertHealthy(target: RunningServer): Promise<void> {
  const answer = await getJson(`${target.url}/healthz`);
  assert.equal(answer.status, 200);
  assert.deepEqual(answer.body, { status: 'ok' });
  assert.ok(target.running(), 'the server process has exited');
}

describe('not found', () => {
  test('an unknown route is a problem+json 404 not_found', async () => {
    // `server` has a web root: there, unknown paths outside /api are the web application's routes.
    const cases: [RunningServer, string][] = [[small, '/nope'], [small, '/thu-tuc/1.001193.000.00.00.H32'],
      [server, '/api/v1/nope'], [server, '/api/v2/procedures'], [server, '/api/v1/procedures/a/b'], [server, '/api'],
      [server, '/nope.json'], [server, '/assets/nope.js']];
    for (const [target, path] of cases) {
      const answer = await getJson(`${target.url}${path}`);
      assertProblem(answer, 404, 'not_found');
      assert.equal(answer.body.title, 'Not Found');
    }
  });

  test('an unknown procedure code is a 404 procedure_not_found naming the code', async () => {
    const answer = await getJson(`${server.url}/api/v1/procedures/1.999999.000.00.00.H32`);
    assertProblem(answer, 404, 'procedure_not_found', '1.999999.000.00.00.H32');
    assert.match(answer.body.message_vi, /1\.999999\.000\.00\.00\.H32/);
    assert.match(answer.body.message_en, /1\.999999\.000\.00\.00\.H32/);
  });

  test('an unknown agency code is a 404 agency_not_found', async () => {
    assertProblem(await getJson(`${server.url}/api/v1/agencies/H32.99`), 404, 'agency_not_found', 'H32.99');
  });
});

describe('method not allowed', () => {
  test('a wrong method is a 405 with Allow', async () => {
    for (const [method, path] of [['POST', '/api/v1/procedures'], ['DELETE', '/api/v1/procedures/1.001193.000.00.00.H32'],
      ['PUT', '/healthz'], ['PATCH', '/api/v1/agencies']]) {
      const answer = await getJson(`${server.url}${path}`, { method, body: method === 'DELETE' ? undefined : '{}' });
      assertProblem(answer, 405, 'method_not_allowed');
      const allow = (answer.headers.get('allow') ?? '').split(',').map((m) => m.trim());
      assert.ok(allow.includes('GET') && allow.includes('HEAD'), `Allow: ${allow}`);
      assert.ok(!allow.includes(method), `Allow lists ${method}`);
    }
  });

  test('HEAD is answered like GET, without a body', async () => {
    const response = await fetch(`${server.url}/api/v1/procedures`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '');
    assert.ok(Number(response.headers.get('content-length')) > 0);
  });
});

describe('bad parameters', () => {
  const cases: [string, Record<string, string> | [string, string][], string, string][] = [
    ['limit=0', { limit: '0' }, 'invalid_parameter', 'limit'],
    ['limit=101', { limit: '101' }, 'invalid_parameter', 'limit'],
    ['limit=-1', { limit: '-1' }, 'invalid_parameter', 'limit'],
    ['limit=abc', { limit: 'abc' }, 'invalid_parameter', 'limit'],
    ['limit=1.5', { limit: '1.5' }, 'invalid_parameter', 'limit'],
    ['limit=99999999999999999999', { limit: '99999999999999999999' }, 'invalid_parameter', 'limit'],
    ['unknown level', { level: 'district' }, 'invalid_parameter', 'level'],
    ['unknown online_level', { online_level: 'Full' }, 'invalid_parameter', 'online_level'],
    ['unknown field', { field: 'astrology' }, 'invalid_parameter', 'field'],
    ['unknown agency', { agency: 'H99' }, 'invalid_parameter', 'agency'],
    ['unknown parameter', { sort: 'name' }, 'invalid_parameter', 'sort'],
    ['repeated parameter', [['q', 'khai sinh'], ['q', 'kết hôn']], 'invalid_parameter', 'q'],
    ['repeated limit', [['limit', '5'], ['limit', '5']], 'invalid_parameter', 'limit'],
    ['bad cursor', { cursor: 'not-a-cursor' }, 'invalid_cursor', 'cursor'],
    ['negative cursor', { cursor: 'o-1' }, 'invalid_cursor', 'cursor'],
    ['too-long q', { q: 'thủ tục '.repeat(40) }, 'query_too_long', 'q'],
  ];
  for (const [label, params, code, param] of cases) {
    test(`procedures: ${label} → 400 ${code} naming ${param}`, async () => {
      assertProblem(await getJson(withQuery(`${server.url}/api/v1/procedures`, params)), 400, code, param);
    });
  }

  test('agencies: unknown kind, bad tree flag, unknown parent, unknown parameter', async () => {
    const agencies = `${server.url}/api/v1/agencies`;
    assertProblem(await getJson(withQuery(agencies, { kind: 'district' })), 400, 'invalid_parameter', 'kind');
    assertProblem(await getJson(withQuery(agencies, { tree: 'yes' })), 400, 'invalid_parameter', 'tree');
    assertProblem(await getJson(withQuery(agencies, { parent: 'H99' })), 400, 'invalid_parameter', 'parent');
    assertProblem(await getJson(withQuery(agencies, { tree: 'true', parent: 'H99' })), 400, 'invalid_parameter', 'parent');
    assertProblem(await getJson(withQuery(agencies, { depth: '2' })), 400, 'invalid_parameter', 'depth');
    assertProblem(await getJson(withQuery(agencies, { q: 'x'.repeat(201) })), 400, 'query_too_long', 'q');
  });

  test('detail and field routes reject any query parameter', async () => {
    assertProblem(await getJson(`${server.url}/api/v1/fields?limit=5`), 400, 'invalid_parameter', 'limit');
    assertProblem(await getJson(`${server.url}/api/v1/procedures/1.001193.000.00.00.H32?lang=en`), 400, 'invalid_parameter', 'lang');
    assertProblem(await getJson(`${server.url}/api/v1/agencies/H32?expand=1`), 400, 'invalid_parameter', 'expand');
  });

  test('the longest accepted q is 200 bytes', async () => {
    const ok = await getJson(withQuery(`${server.url}/api/v1/procedures`, { q: 'a'.repeat(200) }));
    assert.equal(ok.status, 200, ok.text);
    assertProblem(await getJson(withQuery(`${server.url}/api/v1/procedures`, { q: 'a'.repeat(201) })), 400, 'query_too_long', 'q');
  });
});

describe('limits', () => {
  test('a body over 1 MiB is a 413 body_too_large', async () => {
    // The header announces the size; the server must answer without reading (or waiting for) the body.
    const request = 'POST /api/v1/procedures HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${1024 * 1024 + 1}\r\n\r\n{"a":`;
    const { text } = await rawExchange(server.host, server.port, request);
    assert.equal(rawStatus(text), 413, text);
    assert.match(text, /content-type: application\/problem\+json/i);
    assert.match(text, /cache-control: no-store/i);
    assert.match(text, /"code":"body_too_large"/);
    assert.match(text, /"message_vi":"[^"]+"/);
    await assertHealthy(server);
  });

  test('MOTCUA_BODY_LIMIT_BYTES: a body at the limit passes, one byte more is a 413', async () => {
    const atLimit = await getJson(`${small.url}/api/v1/procedures`, { method: 'POST', body: 'x'.repeat(4096) });
    assertProblem(atLimit, 405, 'method_not_allowed');
    const { text } = await rawExchange(small.host, small.port,
      `POST /api/v1/procedures HTTP/1.1\r\nHost: x\r\nContent-Length: 4097\r\n\r\n${'x'.repeat(4097)}`);
    assert.equal(rawStatus(text), 413, text);
    assert.match(text, /"code":"body_too_large"/);
    // A chunked body that grows past the limit is refused as well.
    const chunk = 'x'.repeat(3000);
    const chunked = await rawExchange(small.host, small.port,
      'POST /api/v1/procedures HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n' +
      `${chunk.length.toString(16)}\r\n${chunk}\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`);
    assert.equal(rawStatus(chunked.text), 413, chunked.text);
    await assertHealthy(small);
  });

  test('a header over 16 KiB is a 431 header_too_large', async () => {
    const answer = await getJson(`${server.url}/healthz`, { headers: { 'X-Padding': 'a'.repeat(17 * 1024) } });
    assertProblem(answer, 431, 'header_too_large');
    const fine = await getJson(`${server.url}/healthz`, { headers: { 'X-Padding': 'a'.repeat(8 * 1024) } });
    assert.equal(fine.status, 200);
    await assertHealthy(server);
  });

  test('MOTCUA_HEADER_LIMIT_BYTES lowers the header limit', async () => {
    assertProblem(await getJson(`${small.url}/healthz`, { headers: { 'X-Padding': 'a'.repeat(3000) } }), 431, 'header_too_large');
    await assertHealthy(small);
  });
});

describe('malformed requests', () => {
  const requests: [string, string][] = [
    ['garbage request line', 'GARBAGE\r\n\r\n'],
    ['binary junk', '\x00\x01\x02\xff\r\n\r\n'],
    ['unknown HTTP version', 'GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n'],
    ['spaces in the target', 'GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['invalid percent-encoding', 'GET /api/v1/procedures?q=%zz HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['absolute-form target', 'GET http://example.test/healthz HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['asterisk target', 'OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['bad Content-Length', 'POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n'],
    ['two Content-Lengths', 'POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'],
    ['header without colon', 'GET /healthz HTTP/1.1\r\nHost x\r\n\r\n'],
  ];
  for (const [label, data] of requests) {
    test(`${label}: 400 or closed, and the server keeps serving`, async () => {
      const { text, closed } = await rawExchange(server.host, server.port, Buffer.from(data, 'latin1'), 5_000);
      const status = rawStatus(text);
      assert.ok(status === 400 || (status === 0 && closed), `answered ${JSON.stringify(text.slice(0, 200))}`);
      if (status === 400) {
        assert.match(text, /content-type: application\/problem\+json/i);
        assert.match(text, /"code":"bad_request"/);
      }
      await assertHealthy(server);
    });
  }

  // Request-smuggling shapes: a header line folded onto the next (obs-fold) and any transfer
  // coding but plain chunked are refused with 400 bad_request, never read one way or another.
  const login = 'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n';
  const smuggling: [string, string][] = [
    ['an obs-fold header line (space)', 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: a\r\n b\r\n\r\n'],
    ['an obs-fold header line (tab)', 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Long: a\r\n\tb\r\n\r\n'],
    ['Transfer-Encoding folded onto the next line', `${login}Transfer-Encoding:\r\n chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`],
    ['Transfer-Encoding: gzip, chunked', `${login}Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`],
    ['Transfer-Encoding: chunked, chunked', `${login}Transfer-Encoding: chunked, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`],
    ['Transfer-Encoding: identity', `${login}Transfer-Encoding: identity\r\nContent-Length: 2\r\n\r\n{}`],
    ['Transfer-Encoding: xchunked', `${login}Transfer-Encoding: xchunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`],
    ['Transfer-Encoding: gzip', `${login}Transfer-Encoding: gzip\r\n\r\n{}`],
  ];
  for (const [label, data] of smuggling) {
    test(`${label}: 400 bad_request`, async () => {
      const { text } = await rawExchange(server.host, server.port, Buffer.from(data, 'latin1'), 5_000);
      assert.equal(rawStatus(text), 400, text.slice(0, 300));
      assert.match(text, /"code":"bad_request"/);
      await assertHealthy(server);
    });
  }

  test('plain chunked is read: the body reaches the route', async () => {
    const { text } = await rawExchange(server.host, server.port,
      `${login}Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`, 5_000);
    assert.equal(rawStatus(text), 400, text.slice(0, 300));
    assert.match(text, /"code":"invalid_parameter"/);  // The login route read "{}".
  });

  test('a client that sends half a request and goes away does not hurt', async () => {
    await rawExchange(server.host, server.port, 'GET /api/v1/procedures HTTP/1.1\r\nHost: x\r\nX-Half: ', 200);
    await assertHealthy(server);
  });
});

describe('path traversal', () => {
  const targets = [
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
    '/assets/..%2F..%2Fetc%2Fpasswd',
    '/assets/../../../../etc/passwd',
    '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/..%5c..%5cetc%5cpasswd',
    '/%252e%252e/%252e%252e/etc/passwd',
    '//etc/passwd',
    '/assets//etc/passwd',
    '/.%2e/.%2e/etc/passwd',
    '/index.html/../../etc/passwd',
    '/etc/passwd%00.js',
  ];
  for (const target of targets) {
    test(`GET ${target} never returns a file from outside the web root`, async () => {
      let answer;
      try {
        answer = await rawRequest(server.host, server.port, 'GET', target);
      } catch (error) {
        // node:http refuses to send a few of these; the server is not at fault then.
        assert.match(String(error), /ERR_UNESCAPED_CHARACTERS|Request path contains unescaped characters/);
        return;
      }
      assert.ok(answer.status < 500, `${target} → ${answer.status}`);
      assert.ok(!answer.body.includes(passwdLine), `${target} returned /etc/passwd`);
      assert.ok(!answer.body.includes('root:x:0:0'), `${target} returned /etc/passwd`);
      assert.ok(answer.status === 404 || answer.status === 400 || answer.body === INDEX_HTML,
        `${target} → ${answer.status} ${answer.body.slice(0, 200)}`);
    });
  }
});

describe('fuzz', () => {
  test('300 random requests: never a 5xx, and the server stays healthy', async () => {
    const seed = Number(process.env.MOTCUA_FUZZ_SEED ?? 20250701);
    const next = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const methods = ['GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'BREW', 'PROPFIND'];
    const prefixes = ['', '/api', '/api/v1', '/api/v1/procedures', '/api/v1/agencies', '/api/v1/fields',
      '/api/v1/openapi.json', '/healthz', '/metrics', '/assets', '/thu-tuc'];
    const segments = ['', '.', '..', '%2e%2e', '%2F', '%00', 'H32', 'H32.02', '000.00.02.H32', '1.001193.000.00.00.H32',
      'index.html', 'app-abc.js', 'x.js', '%C4%90%C4%83ng', '%FF%FE', 'a'.repeat(300), '~', ';', '{code}', '%25', '..%2F..'];
    const keys = ['q', 'limit', 'cursor', 'kind', 'parent', 'tree', 'field', 'level', 'online_level', 'agency', 'x', '', '%00', 'q%5B%5D'];
    const values = ['', '0', '1', '-1', '100', '101', '2147483648', '99999999999999999999', 'o1', 'o0', 'o-1', 'o99999999999',
      'true', 'false', 'commune', 'province', 'civil_status', 'H32', 'kh%C3%A1nh+h%C3%B2a', '%C3%28', '%', '%%', 'a'.repeat(250),
      'Đăng ký'.normalize('NFD'), '💥'];
    const failures: string[] = [];
    for (let i = 0; i < 300; i += 1) {
      const depth = Math.floor(next() * 3);
      let target = pick(prefixes);
      for (let j = 0; j < depth; j += 1) {
        target += `/${pick(segments)}`;
      }
      if (target === '') {
        target = '/';
      }
      const params = Math.floor(next() * 4);
      const query: string[] = [];
      for (let j = 0; j < params; j += 1) {
        query.push(`${pick(keys)}=${encodeURI(pick(values)).replace(/%25/g, '%')}`);
      }
      if (query.length > 0) {
        target += `?${query.join('&')}`;
      }
      const method = pick(methods);
      const body = method === 'POST' || method === 'PUT' ? (next() < 0.5 ? '{"a":1}' : 'x'.repeat(Math.floor(next() * 5000))) : undefined;
      try {
        const answer = await rawRequest(server.host, server.port, method, target, {}, body);
        if (answer.status >= 500 || answer.status < 100) {
          failures.push(`#${i} ${method} ${target} → ${answer.status} ${answer.body.slice(0, 200)}`);
        }
      } catch (error) {
        if (!/ERR_UNESCAPED_CHARACTERS|unescaped characters|ERR_INVALID_HTTP_TOKEN/.test(String(error))) {
          failures.push(`#${i} ${method} ${target} → ${String(error)}`);
        }
      }
    }
    assert.deepEqual(failures, [], `seed ${seed}`);
    await assertHealthy(server);
    const catalogue = await getJson(`${server.url}/api/v1/procedures?limit=1`);
    assert.equal(catalogue.body.total, 66);
  });
});

describe('large bodies are read only for signed-in callers', () => {
  let files: RunningServer;
  before(async () => {
    files = await startServer();
  });
  after(async () => {
    await files?.close();
  });

  test('an anonymous import announcing 60 MB is refused with 401 before its body is sent', async () => {
    // Only the header is sent: the answer must come without the server waiting for (or
    // buffering) the announced body.
    const started = Date.now();
    const answer = await rawExchange(files.host, files.port,
      'POST /api/v1/import/dossiers HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n' +
      'Content-Length: 60000000\r\n\r\n', 3_000);
    assert.equal(rawStatus(answer.text), 401, answer.text.slice(0, 300));
    assert.match(answer.text, /authentication_required/);
    assert.ok(Date.now() - started < 2_500, 'answered without waiting for the body');
    await assertHealthy(files);
  });

  test('an anonymous upload announcing a large body is refused the same way', async () => {
    const answer = await rawExchange(files.host, files.port,
      'POST /api/v1/dossiers/X/files HTTP/1.1\r\nHost: x\r\n' +
      'Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 30000000\r\n\r\n', 3_000);
    assert.equal(rawStatus(answer.text), 401, answer.text.slice(0, 300));
  });
});
