// A test-runner command that saves the test page as a PNG under docs/screenshots/ (the layout test's
// pictures of long translations and right-to-left), so a person can look at what the test measured.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

const FOLDER = resolve('docs/screenshots');

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function screenshotPlugin() {
  return {
    name: 'cellar-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cellar-screenshot') return undefined;
      const path = resolve(FOLDER, String(payload?.name));
      if (!path.startsWith(FOLDER + sep) || !path.endsWith('.png'))
        throw new Error(`not a screenshot name: ${payload?.name}`);
      await mkdir(dirname(path), { recursive: true });
      // Only the Playwright launcher (this config's) has pages.
      const browser = /** @type {import('@web/test-runner-playwright').PlaywrightLauncher} */ (
        session.browser
      );
      await browser.getPage(session.id).screenshot({ path });
      return true;
    },
  };
}
