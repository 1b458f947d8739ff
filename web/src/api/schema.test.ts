// schema.ts is generated from docs/api/openapi.json (`npm run gen:api`) and committed. This test
// regenerates it in a temporary folder, with the same command, and fails when the committed copy
// is stale: after editing the OpenAPI document, run `npm run gen:api` and commit both.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// build-test/api/schema.test.js → web/
const web = fileURLToPath(new URL('../../', import.meta.url));

test('src/api/schema.ts is up to date with docs/api/openapi.json (npm run gen:api)', () => {
  const pkg = JSON.parse(readFileSync(join(web, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const args = pkg.scripts['gen:api'].split(/\s+/);
  assert.equal(args[0], 'openapi-typescript');
  const output = args.indexOf('-o') + 1;
  assert.ok(output > 0, 'gen:api names its output with -o');
  const committed = join(web, args[output]);
  const tmp = mkdtempSync(join(tmpdir(), 'motcua-schema-'));
  try {
    args[output] = join(tmp, 'schema.ts');
    const cli = join(web, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    execFileSync(process.execPath, [cli, ...args.slice(1)], { cwd: web, stdio: ['ignore', 'ignore', 'pipe'] });
    const fresh = readFileSync(args[output], 'utf8');
    const stale = readFileSync(committed, 'utf8') !== fresh;
    assert.ok(!stale, `${pkg.scripts['gen:api'].split(/\s+/)[output]} differs from a fresh generation: run \`npm run gen:api\` in web/ and commit it`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
