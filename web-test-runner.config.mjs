// Browser tests (test/**/*.browser.test.ts) in the system Chromium, driven by Playwright.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, requireChromium } from './scripts/find-chromium.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { screenshotPlugin } from './test/i18n/screenshotPlugin.mjs';
import { bridgePlugin } from './test/real/bridgePlugin.mjs';
import { fakeSugarShellPlugin } from './test/sugar/fakeSugarShell.mjs';

// Set by scripts/test-all.mjs to collect the counts for its closing line.
const resultsFile = process.env.CELLAR_WTR_RESULTS;

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.browser.test.ts'],
  nodeResolve: true,
  // The Sugar host's tests talk to a WebSocket stand-in for Sugar's shell (test/sugar/fakeSugarShell.mjs);
  // the layout test saves its pictures (test/i18n/screenshotPlugin.mjs); the bridge client's test runs the
  // real `cellar bridge` (test/real/bridgePlugin.mjs).
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    fakeSugarShellPlugin(),
    screenshotPlugin(),
    bridgePlugin(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: requireChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  reporters: resultsFile ? [defaultReporter(), countReporter(resultsFile)] : [defaultReporter()],
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
};
