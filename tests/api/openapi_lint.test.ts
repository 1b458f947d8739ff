// Redocly CLI's lint of the OpenAPI document (docs/api/openapi.json) with tests/redocly.yaml: the
// recommended rules, less the few the config turns off with its reasons. Any error or warning fails.
// No server is needed: the document is read from disk.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { makeTempDir } from './support/server.ts';

const TESTS_DIR = fileURLToPath(new URL('..', import.meta.url));
const REDOCLY = fileURLToPath(new URL('../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
const CONFIG = join(TESTS_DIR, 'redocly.yaml');
const DOCUMENT = fileURLToPath(new URL('../../docs/api/openapi.json', import.meta.url));

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  version: string;
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/** `redocly lint --format=json` on `file` (the config's api when omitted). */
function lint(file?: string): LintReport {
  const result = spawnSync(process.execPath,
    [REDOCLY, 'lint', ...(file ? [file] : []), '--config', CONFIG, '--format=json'], {
      cwd: TESTS_DIR,
      encoding: 'utf8',
      timeout: 120_000,
      // No usage report, no update notice (the config says `telemetry: off` too).
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  assert.equal(result.error, undefined, String(result.error));
  const start = result.stdout.indexOf('{');
  assert.ok(start >= 0, `redocly printed no JSON report (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.stdout.slice(start)) as LintReport;
}

function describeProblems(report: LintReport): string {
  return report.problems
    .map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)
    .join('\n');
}

describe('redocly lint', () => {
  test('docs/api/openapi.json passes with no error and no warning', () => {
    const report = lint();
    assert.equal(report.totals.errors, 0, describeProblems(report));
    assert.equal(report.totals.warnings, 0, describeProblems(report));
    assert.equal(report.totals.ignored, 0, 'problems are hidden by an ignore file');
  });

  test('the lint finds a public operation without security: []', () => {
    // Not vacuous: the same config on a copy that drops one operation's `security` fails.
    const doc = JSON.parse(readFileSync(DOCUMENT, 'utf8'));
    const healthz = doc.paths['/healthz'].get;
    assert.deepEqual(healthz.security, [], 'GET /healthz is public: security: []');
    delete healthz.security;
    const copy = join(makeTempDir('motcua-lint-'), 'openapi.json');
    writeFileSync(copy, JSON.stringify(doc));
    const report = lint(copy);
    assert.ok(report.problems.some((p) => p.ruleId === 'security-defined' && p.severity === 'error'),
      describeProblems(report));
  });
});
