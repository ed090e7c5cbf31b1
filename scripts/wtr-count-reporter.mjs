// A wtr reporter that writes {passed, failed} to a JSON file, so `npm test` can add browser tests to its total.
import { writeFileSync } from 'node:fs';

/** @typedef {import('@web/test-runner').TestSuiteResult} TestSuiteResult */
/** @typedef {{ passed: number, failed: number }} Totals */

/**
 * @param {TestSuiteResult} suite
 * @param {Totals} totals
 */
function countSuite(suite, totals) {
  for (const test of suite.tests) {
    if (test.skipped) continue;
    if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites) countSuite(child, totals);
}

/**
 * @param {string} outputFile
 * @returns {import('@web/test-runner').Reporter}
 */
export function countReporter(outputFile) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0 };
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults, totals);
        // A file that fails to load, or throws outside a test, has errors but maybe no results: one failure.
        if (session.errors.length > 0) totals.failed++;
      }
      writeFileSync(outputFile, JSON.stringify(totals));
    },
  };
}
