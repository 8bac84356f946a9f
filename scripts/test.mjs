#!/usr/bin/env node
// `npm test`: every check the project has, in one run, with one summary.
//
//   1. lint            eslint . + prettier --check .            (one check)
//   2. type-check      every workspace's `typecheck` script       (one check)
//   3. unit            every workspace's `test:unit` script (jest or vitest) + node --test tools/
//   4. server e2e      on embedded SQLite
//   5. server e2e      on MariaDB + Redis, when both answer at DATABASE_URL / REDIS_URL
//   6. browser         e2e/ with /usr/bin/chromium over the built stack
//
// A suite that cannot run is announced with a SKIPPED banner; REQUIRE_SERVICES=1 / REQUIRE_BROWSER=1 turn
// those skips into failures. Every step runs even after an earlier one failed, so the summary is complete.
// Environment: TEST_DATABASE_URL or DATABASE_URL (default mysql://root@127.0.0.1:3306/linli_e2e; the suite
// DROPS and re-creates that database, so a name not ending in _e2e/_test gets `_e2e` appended), REDIS_URL (default
// redis://127.0.0.1:6379), CHROMIUM_PATH (default /usr/bin/chromium), TEST_STEP_TIMEOUT_MINUTES (default 20),
// TEST_ONLY (comma-separated step names: lint,typecheck,unit,e2e-sqlite,e2e-services,browser).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTargets } from './lib/build.mjs';
import { probeMysql, probeRedis, redact } from './lib/probes.mjs';
import { run } from './lib/run.mjs';
import { REPO_ROOT } from './lib/workspaces.mjs';

const DEFAULT_DATABASE_URL = 'mysql://root@127.0.0.1:3306/linli_e2e';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const requireServices = process.env.REQUIRE_SERVICES === '1';
const requireBrowser = process.env.REQUIRE_BROWSER === '1';
const stepTimeoutMs = Number(process.env.TEST_STEP_TIMEOUT_MINUTES || 20) * 60_000;
const onlySteps = process.env.TEST_ONLY
  ? new Set(process.env.TEST_ONLY.split(',').map((s) => s.trim()))
  : null;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const bin = (name) => path.join(REPO_ROOT, 'node_modules', '.bin', name);
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-test-'));
const startedAt = Date.now();

/** @typedef {{ name: string, passed: number, failed: number, skipped: number, seconds: number, note: string }} SuiteResult */
/** @type {SuiteResult[]} */
const results = [];

function wants(step) {
  return !onlySteps || onlySteps.has(step);
}

function header(title) {
  const line = '='.repeat(Math.max(20, title.length + 8));
  console.log(`\n${line}\n=== ${title}\n${line}`);
}

function skipBanner(suite, reason) {
  const text = `SKIPPED: ${suite} because ${reason}`;
  const bar = '#'.repeat(Math.min(120, text.length + 8));
  console.log(`\n${bar}\n##  ${text}\n${bar}\n`);
}

function record(result) {
  results.push(result);
  const verdict = result.failed ? 'FAILED' : result.passed ? 'passed' : 'skipped';
  console.log(
    `[test] ${result.name}: ${verdict} (${result.passed} passed, ${result.failed} failed` +
      `${result.skipped ? `, ${result.skipped} skipped` : ''}) in ${result.seconds.toFixed(1)}s` +
      (result.note ? ` — ${result.note}` : ''),
  );
}

/** A suite that did not run: a failure when the caller required it, a loud skip otherwise. */
function recordSkip(name, reason, required, requiredBy) {
  if (required) {
    console.log(`\n!!! ${name} cannot run because ${reason}, and ${requiredBy}=1 requires it.\n`);
    record({
      name,
      passed: 0,
      failed: 1,
      skipped: 0,
      seconds: 0,
      note: `required by ${requiredBy}=1 but ${reason}`,
    });
  } else {
    skipBanner(name, reason);
    record({ name, passed: 0, failed: 0, skipped: 1, seconds: 0, note: `skipped: ${reason}` });
  }
}

/** A check that counts as one test: passed when the command exits 0. */
async function runCheck(name, command, args, env) {
  header(name);
  const { code, seconds, timedOut } = await run(command, args, { env, timeoutMs: stepTimeoutMs });
  const note = timedOut ? 'timed out' : code ? `exit code ${code}` : '';
  record({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0, seconds, note });
  return code === 0;
}

/** Counts jest / vitest cases from their JSON report (both write the jest-compatible shape). */
function countJson(file, exitCode, timedOut) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    const why = timedOut ? 'timed out' : `exit code ${exitCode}, no JSON report`;
    return { passed: 0, failed: 1, skipped: 0, note: why };
  }
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const notes = [];
  // A test file that fails to load (syntax error, failing beforeAll) has no failed test cases of its own.
  const brokenFiles = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  if (brokenFiles.length) {
    failed += brokenFiles.length;
    notes.push(
      `${brokenFiles.length} test file(s) failed to run: ${brokenFiles.map((r) => path.relative(REPO_ROOT, r.name)).join(', ')}`,
    );
  }
  if (passed + failed + skipped === 0) {
    failed += 1;
    notes.push('no tests ran');
  }
  if ((exitCode !== 0 || timedOut) && failed === 0) {
    failed = 1;
    notes.push(timedOut ? 'timed out' : `runner exited with code ${exitCode}`);
  }
  return { passed, failed, skipped, note: notes.join('; ') };
}

/** Runs an npm script of a workspace with the JSON-report flags of its runner and records the counts. */
async function runCounted(name, workspace, script, runner, env = process.env) {
  header(name);
  const file = path.join(reportDir, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.json`);
  const reportArgs =
    runner === 'vitest'
      ? ['--reporter=default', '--reporter=json', `--outputFile.json=${file}`]
      : ['--json', `--outputFile=${file}`];
  const { code, seconds, timedOut } = await run(npm, ['run', script, '-w', workspace, '--', ...reportArgs], {
    env,
    timeoutMs: stepTimeoutMs,
  });
  record({ name, seconds, ...countJson(file, code, timedOut) });
}

/** node --test for the repo's own tooling (the ESLint module-boundary rule); counted from TAP. */
async function runNodeTests(name, dir) {
  header(name);
  const file = path.join(reportDir, 'node-test.tap');
  const { code, seconds, timedOut } = await run(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${file}`,
      dir,
    ],
    { timeoutMs: stepTimeoutMs },
  );
  let tap = '';
  try {
    tap = fs.readFileSync(file, 'utf8');
  } catch {
    // counted as a failure below
  }
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  const passed = count('pass');
  let failed = count('fail') + count('cancelled');
  const skipped = count('skipped') + count('todo');
  let note = '';
  if ((code !== 0 || timedOut) && failed === 0) {
    failed = 1;
    note = timedOut ? 'timed out' : `exit code ${code}`;
  }
  record({ name, passed, failed, skipped, seconds, note });
}

function readPackage(dir) {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, dir, 'package.json'), 'utf8'));
}

/** Workspaces (in the root package.json order) that define `script`, with the runner it uses. */
function workspacesWith(script) {
  const root = readPackage('.');
  return root.workspaces.flatMap((dir) => {
    if (!fs.existsSync(path.join(REPO_ROOT, dir, 'package.json'))) return [];
    const pkg = readPackage(dir);
    const command = pkg.scripts?.[script];
    if (!command) return [];
    const runner = /\bvitest\b/.test(command) ? 'vitest' : /\bjest\b/.test(command) ? 'jest' : 'other';
    return [{ dir, name: pkg.name, runner }];
  });
}

/**
 * The e2e suite drops and re-creates its database. A developer may have exported the DATABASE_URL of a
 * database they care about, so unless its name already says it is for tests, use `<name>_e2e` on the same
 * server instead.
 */
function testDatabaseUrl(url) {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (/_(e2e|test)$/.test(name)) return url;
  parsed.pathname = `/${name}_e2e`;
  console.log(`[test] ${name} does not look like a test database; the services suite uses ${name}_e2e`);
  return parsed.toString();
}

function withoutServices(env) {
  const copy = { ...env };
  delete copy.DATABASE_URL;
  delete copy.TEST_DATABASE_URL;
  delete copy.REDIS_URL;
  return copy;
}

// ---------------------------------------------------------------------------------------------------------

console.log(`[test] Linli test run, reports in ${reportDir}`);

// Everything below compiles against shared-types/dist, so make sure it exists and is current.
{
  const prep = await buildTargets({ only: ['shared-types'], log: (l) => console.log(l) });
  if (!prep.ok)
    record({
      name: 'build shared-types',
      passed: 0,
      failed: 1,
      skipped: 0,
      seconds: 0,
      note: 'build failed',
    });
}

if (wants('lint')) {
  header('lint: eslint . + prettier --check .');
  const eslint = await run(bin('eslint'), ['.'], { timeoutMs: stepTimeoutMs });
  const prettier = await run(bin('prettier'), ['--check', '.'], { timeoutMs: stepTimeoutMs });
  const failures = [eslint.code ? 'eslint' : '', prettier.code ? 'prettier' : ''].filter(Boolean);
  record({
    name: 'lint',
    passed: failures.length ? 0 : 1,
    failed: failures.length ? 1 : 0,
    skipped: 0,
    seconds: eslint.seconds + prettier.seconds,
    note: failures.length ? `${failures.join(' and ')} reported problems` : '',
  });
}

if (wants('typecheck')) {
  // One check, but every workspace is checked even after one fails, and the note names the failures.
  header('type-check: every workspace');
  let seconds = 0;
  const failures = [];
  for (const ws of workspacesWith('typecheck')) {
    const result = await run(npm, ['run', 'typecheck', '-w', ws.name], { timeoutMs: stepTimeoutMs });
    seconds += result.seconds;
    if (result.code !== 0) failures.push(ws.dir);
  }
  record({
    name: 'type-check',
    passed: failures.length ? 0 : 1,
    failed: failures.length ? 1 : 0,
    skipped: 0,
    seconds,
    note: failures.length ? `type errors in ${failures.join(', ')}` : '',
  });
}

if (wants('unit')) {
  for (const ws of workspacesWith('test:unit')) {
    const name = `unit: ${ws.dir} (${ws.runner})`;
    if (ws.runner === 'other') await runCheck(name, npm, ['run', 'test:unit', '-w', ws.name]);
    else await runCounted(name, ws.name, 'test:unit', ws.runner);
  }
  if (fs.existsSync(path.join(REPO_ROOT, 'tools'))) await runNodeTests('unit: tools (node --test)', 'tools/');
}

const serverE2e = workspacesWith('test:e2e').find((ws) => ws.dir === 'server');

if (wants('e2e-sqlite')) {
  if (!serverE2e)
    recordSkip('server e2e (SQLite)', 'server/package.json has no test:e2e script', true, 'the test plan');
  else
    await runCounted(
      'server e2e (SQLite)',
      serverE2e.name,
      'test:e2e',
      serverE2e.runner,
      withoutServices(process.env),
    );
}

if (wants('e2e-services')) {
  const name = 'server e2e (MariaDB + Redis)';
  const databaseUrl = testDatabaseUrl(
    process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  );
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const [mysqlProblem, redisProblem] = await Promise.all([probeMysql(databaseUrl), probeRedis(redisUrl)]);
  const problem = [mysqlProblem, redisProblem].filter(Boolean).join('; ');
  if (!serverE2e)
    recordSkip(name, 'server/package.json has no test:e2e script', requireServices, 'REQUIRE_SERVICES');
  else if (problem) recordSkip(name, problem, requireServices, 'REQUIRE_SERVICES');
  else {
    console.log(`[test] services: ${redact(databaseUrl)} and ${redact(redisUrl)}`);
    const env = {
      ...process.env,
      TEST_DATABASE_URL: databaseUrl,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
    };
    await runCounted(name, serverE2e.name, 'test:e2e', serverE2e.runner, env);
  }
}

if (wants('browser')) {
  const name = 'browser (e2e/, Chromium)';
  if (!fs.existsSync(CHROMIUM)) {
    recordSkip(
      name,
      `${CHROMIUM} does not exist (apt-get install chromium fonts-noto-cjk)`,
      requireBrowser,
      'REQUIRE_BROWSER',
    );
  } else {
    header('browser tests: building what the server serves');
    const t0 = Date.now();
    const build = await buildTargets({ only: ['server', 'admin-web', 'miniapp-h5'] });
    if (!build.ok) {
      const seconds = (Date.now() - t0) / 1000;
      record({ name, passed: 0, failed: 1, skipped: 0, seconds, note: `build of ${build.failed} failed` });
    } else {
      await runCounted(name, '@linli/e2e', 'test', 'jest', {
        ...withoutServices(process.env),
        CHROMIUM_PATH: CHROMIUM,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

const total = results.reduce(
  (sum, r) => ({
    passed: sum.passed + r.passed,
    failed: sum.failed + r.failed,
    skipped: sum.skipped + r.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
const rows = results.map((r) => [
  r.name,
  r.failed ? 'FAIL' : r.passed ? 'ok' : 'SKIP',
  String(r.passed),
  String(r.failed),
  String(r.skipped),
  `${r.seconds.toFixed(1)}s`,
  r.note,
]);
const head = ['suite', 'result', 'passed', 'failed', 'skipped', 'time', 'note'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const format = (row) =>
  row
    .map((cell, i) => (i >= 2 && i <= 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
    .join('  ')
    .trimEnd();
console.log(`\n${'='.repeat(60)}\nTest summary (${((Date.now() - startedAt) / 1000).toFixed(0)}s)\n`);
console.log(format(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(format(row));
console.log('');
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed ? 1 : 0);
