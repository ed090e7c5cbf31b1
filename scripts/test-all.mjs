// `npm test`: the one command that checks everything. It makes sure Chromium is there (installing Debian's
// when it may), then runs typecheck, lint, bundle, unit tests and browser tests, and always ends with one
// plain line `N passed, N failed`. Each of typecheck, lint and bundle counts as one check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOW_TO_GET_CHROMIUM, findChromium } from './find-chromium.mjs';
import { canInstallChromium, installChromium } from './install-chromium.mjs';

const totals = { passed: 0, failed: 0 };
const resultsDir = mkdtempSync(join(tmpdir(), 'cellar-test-'));

/**
 * Runs an npm script with its output shown; returns whether it exited 0.
 * @param {string} script
 * @param {string[]} [args]
 * @param {NodeJS.ProcessEnv} [env]
 */
function npmRun(script, args = [], env = {}) {
  console.log(`\n=== ${script} ===`);
  const extra = args.length > 0 ? ['--', ...args] : [];
  // --silent keeps npm's own error banner out: the runners already say what failed.
  const run = spawnSync('npm', ['run', '--silent', script, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return run.status === 0;
}

/** @param {boolean} ok */
function countCheck(ok) {
  if (ok) totals.passed++;
  else totals.failed++;
}

/**
 * Adds a runner's counts; a runner that failed without reporting a failed test still counts as one failure.
 * @param {boolean} ok
 * @param {{ passed: number, failed: number } | undefined} counts
 */
function countTests(ok, counts) {
  totals.passed += counts?.passed ?? 0;
  totals.failed += counts?.failed ?? 0;
  if (!ok && !counts?.failed) totals.failed++;
}

/** @param {string} file */
function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/**
 * vitest's JSON report → counts; a file that fails to load has no failed test, so it counts once itself.
 * @param {string} file
 */
function vitestCounts(file) {
  const report = readJson(file);
  if (!report) return undefined;
  /** @type {{ status: string, assertionResults: { status: string }[] }[]} */
  const files = report.testResults;
  const brokenFiles = files.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
}

function ensureChromium() {
  const found = findChromium();
  if (found || process.env.CHROME_PATH || !canInstallChromium()) return found;
  console.log('Chromium not found: installing Debian’s chromium package (apt-get)…');
  return installChromium() ? findChromium() : undefined;
}

const chromium = ensureChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
const withChromium = { CHROME_PATH: chromium };

countCheck(npmRun('typecheck'));
countCheck(npmRun('lint'));
countCheck(npmRun('bundle'));

const vitestJson = join(resultsDir, 'vitest.json');
const unitOk = npmRun(
  'test:unit',
  ['--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  withChromium,
);
countTests(unitOk, vitestCounts(vitestJson));

const wtrJson = join(resultsDir, 'wtr.json');
const browserOk = npmRun('test:browser', [], { ...withChromium, CELLAR_WTR_RESULTS: wtrJson });
countTests(browserOk, readJson(wtrJson));

rmSync(resultsDir, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
